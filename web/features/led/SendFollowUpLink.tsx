import { Button } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../contracts/led-follow-ups.js';
import type { MeasureDetail } from '../../../contracts/led-implementation.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { ledKeys, sendFollowUpLink } from './api.js';

/**
 * Mails the lead partner the follow-up due now, without waiting for the daily
 * job, or a new link when the first was lost or ran out (the earlier one then
 * stops working).
 */
export function SendFollowUpLink({ measure, followUp }: { measure: MeasureDetail; followUp: FollowUp }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: () => sendFollowUpLink(measure.id),
    onSuccess: (saved) => {
      queryClient.setQueryData(ledKeys.measure(measure.id), saved);
      notify(t('led.impl.formSent', { to: measure.leadEmail }));
    },
  });
  return (
    <>
      <Button size="xs" variant="light" mih={44} leftSection={<IconMail size={14} />} loading={send.isPending} onClick={() => send.mutate()}>
        {followUp.sentAt ? t('led.impl.sendNewLink') : t('led.impl.sendForm')}
      </Button>
      <ProblemAlert error={send.error} />
    </>
  );
}
