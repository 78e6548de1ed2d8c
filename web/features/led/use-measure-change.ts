import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MeasureDetail } from '../../../contracts/led-implementation.js';
import { notify } from '../../ui/notify.js';
import { ledKeys } from './api.js';

/** Every change answers the measure as it now is: it replaces what is shown. */
export function useMeasureChange<A extends unknown[]>(measureId: string, change: (...args: A) => Promise<MeasureDetail>, after?: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: A) => change(...args),
    onSuccess: (saved) => {
      queryClient.setQueryData(ledKeys.measure(measureId), saved);
      void queryClient.invalidateQueries({ queryKey: ledKeys.region(saved.regionId) });
      notify(t('ui.saved'));
      after?.();
    },
  });
}
