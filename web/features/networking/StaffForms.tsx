import { Button, Group, Paper, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OfferInput } from '../../../contracts/networking.js';
import { ApiError } from '../../app/api.js';
import { Form } from '../../ui/Form.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { createIntroduction, createOffer, networkingKeys } from './api.js';
import { emptyOffer, FirmPicker, OfferForm } from './parts.js';

/**
 * Staff enter an offer or a request a firm brought by phone or at the desk:
 * the firm first, then the offer as the firm would write it. It starts as a
 * draft of that firm's, reviewed like any other; the new offer's page opens.
 */
export function NewOfferForFirm({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [memberId, setMemberId] = useState('');
  const [firmMissing, setFirmMissing] = useState(false);
  const create = useMutation({
    mutationFn: (input: OfferInput) => createOffer({ ...input, memberId }),
    onSuccess: async (offer) => {
      await queryClient.invalidateQueries({ queryKey: networkingKeys.all });
      notify(t('networking.offerCreated'));
      void navigate(`/networking/offers/${offer.id}`);
    },
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  return (
    <Paper withBorder p="sm">
      <OfferForm initial={emptyOffer} saving={create.isPending} error={create.error} onCancel={onCancel}
        onSave={(input) => (memberId ? create.mutate(input) : setFirmMissing(true))}>
        <FirmPicker label={t('networking.firm')} value={memberId} onChange={(id) => { setMemberId(id); setFirmMissing(false); }}
          error={firmMissing ? t('networking.chooseFirm') : errors.memberId} />
      </OfferForm>
    </Paper>
  );
}

/**
 * An introduction staff make without an offer behind it: two firms that met at
 * the desk, on a visit or in a conversation, followed like any other.
 */
export function IntroduceTwoFirms({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [firmA, setFirmA] = useState('');
  const [firmB, setFirmB] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: () => createIntroduction({ firmA, firmB, note }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: networkingKeys.all });
      notify(t('networking.introduced'));
      onDone();
    },
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const missing = (id: string) => (tried && !id ? t('networking.chooseFirm') : undefined);
  return (
    <Paper withBorder p="sm">
      <Form gap="sm" maw={720} onSubmit={() => {
        setTried(true);
        if (firmA && firmB) create.mutate();
      }}>
        <FirmPicker label={t('networking.firmA')} value={firmA} onChange={setFirmA} error={missing(firmA) ?? errors.firmA} />
        <FirmPicker label={t('networking.firmB')} value={firmB} onChange={setFirmB} error={missing(firmB) ?? errors.firmB} />
        <Textarea label={t('networking.introductionNote')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        <ProblemAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('ui.confirm.cancel')}</Button>
          <Button type="submit" loading={create.isPending}>{t('networking.introduce')}</Button>
        </Group>
      </Form>
    </Paper>
  );
}
