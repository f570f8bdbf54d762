/** The list's row density (Settings → Interface): applies at once, as the theme does. */
import '../app/choices.css';
import { useT } from '../i18n/i18n';
import { chooseDensity, DENSITIES, useDensity, type Density } from './density';

export function DensityChoice() {
  const { t } = useT('settings');
  const density = useDensity();
  return (
    <label className="theme-choice">
      {t('interface.density.label')}
      <select value={density} onChange={(e) => chooseDensity(e.target.value as Density)}>
        {DENSITIES.map((d) => (
          <option key={d} value={d}>
            {t(`interface.density.${d}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
