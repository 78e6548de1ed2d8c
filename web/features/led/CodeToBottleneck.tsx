import { Select, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOTTLENECK_KINDS, type Bottleneck } from '../../../contracts/led.js';
import type { BottleneckCodeInput } from '../../../contracts/led-interviews.js';
import { ApiError } from '../../app/api.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { notify } from '../../ui/notify.js';
import { addPart, fetchRegion, ledKeys } from './api.js';
import { codeEvidence, interviewKeys } from './interview-api.js';

const NEW = 'new';
type Kind = Bottleneck['kind'];
type Evidence = { source: 'interview'; interviewId: string; question: string } | { source: 'survey'; responseId: string; question: string } | { source: 'member_issue'; memberIssueId: string };

/**
 * Codes one piece of evidence (an interview's answer) to a bottleneck of the
 * region: one of its bottlenecks, or a new one named here, created first.
 * Bottlenecks it is coded to already are not offered again.
 */
export function CodeToBottleneck({ regionId, evidence, codedTo, onDone }: { regionId: string; evidence: Evidence; codedTo: string[]; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const region = useQuery({ queryKey: ledKeys.region(regionId), queryFn: () => fetchRegion(regionId) });
  const offered = (region.data?.bottleneckList ?? []).filter((b) => !codedTo.includes(b.id));
  const [choice, setChoice] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<Kind>('locational');
  const [note, setNote] = useState('');
  const picked = choice ?? (region.data && !offered.length ? NEW : null);
  const save = useMutation({
    mutationFn: async () => {
      let bottleneckId = picked;
      if (picked === NEW) {
        const before = new Set((region.data?.bottleneckList ?? []).map((b) => b.id));
        const updated = await addPart(regionId, 'bottlenecks', { title, kind });
        queryClient.setQueryData(ledKeys.region(regionId), updated);
        bottleneckId = updated.bottleneckList.find((b) => !before.has(b.id))?.id ?? null;
      }
      return codeEvidence(regionId, bottleneckId ?? '', { ...evidence, note } as BottleneckCodeInput);
    },
    onSuccess: async (coded) => {
      queryClient.setQueryData(interviewKeys.evidence(regionId, coded.id), coded);
      await queryClient.invalidateQueries({ queryKey: interviewKeys.interviews });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.list(regionId) });
      notify(t('led.interview.coded'));
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <InlineForm onSubmit={() => save.mutate()} onCancel={onDone} saving={save.isPending} error={save.error ?? region.error}>
      {region.data && !region.data.bottleneckList.length && <Text size="sm" c="dimmed">{t('led.interview.noBottlenecks')}</Text>}
      <Select label={t('led.interview.bottleneck')} required allowDeselect={false} value={picked} error={errors.bottleneckId}
        data={[...offered.map((b) => ({ value: b.id, label: b.title })), { value: NEW, label: t('led.interview.newBottleneck') }]} onChange={setChoice} />
      {picked === NEW && (
        <>
          <TextInput label={t('led.interview.newBottleneckTitle')} required value={title} error={errors.title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <Select label={t('led.bottleneckKind')} description={t('led.bottleneckKindHelp')} allowDeselect={false} value={kind} error={errors.kind}
            data={BOTTLENECK_KINDS.map((k) => ({ value: k, label: t(`led.bottleneckKinds.${k}`) }))} onChange={(v) => v && setKind(v as Kind)} />
        </>
      )}
      <Textarea label={t('led.interview.note')} autosize minRows={1} value={note} error={errors.note} onChange={(e) => setNote(e.currentTarget.value)} />
    </InlineForm>
  );
}
