import { Button, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MemberPicker } from '../members/MemberPicker.js';

/**
 * Staff take a firm's answers by phone or in the field on the respondent's
 * own page (same checks, same offline safety), opened for that firm.
 */
export function EnterAnswersButton({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [channel, setChannel] = useState<'phone' | 'field'>('phone');
  const [error, setError] = useState<string | undefined>();
  const start = () => {
    if (!memberId) return setError(t('surveys.enterPickFirm'));
    location.assign(`/r/enter/${encodeURIComponent(consultationId)}/${encodeURIComponent(memberId)}?channel=${channel}`);
  };
  return (
    <>
      <Button size="sm" variant="light" onClick={open}>{t('surveys.enterAnswers')}</Button>
      <Modal opened={opened} onClose={close} title={t('surveys.enterAnswers')}>
        <Stack>
          <Text size="sm">{t('surveys.enterHelp')}</Text>
          <MemberPicker label={t('surveys.enterFirm')} value={memberId} onChange={(id) => { setMemberId(id); setError(undefined); }} error={error} />
          <SegmentedControl value={channel} onChange={(v) => setChannel(v as 'phone' | 'field')} data={[{ value: 'phone', label: t('surveys.channels.phone') }, { value: 'field', label: t('surveys.channels.field') }]} />
          <Button onClick={start}>{t('surveys.enterStart')}</Button>
        </Stack>
      </Modal>
    </>
  );
}
