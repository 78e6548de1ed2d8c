import { useTranslation } from 'react-i18next';

/** A default criterion's translated name, or the label typed for it. */
export function useCriterionName() {
  const { t } = useTranslation();
  return (c: { key?: string; label: string }) => c.label || (c.key ? t(`ledCalls.criteria.${c.key}`, { defaultValue: c.key }) : '');
}
