import { Alert, Anchor, Badge, Button, Group, MultiSelect, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FORM_PURPOSES, type Form } from '../../../contracts/surveys.js';
import { checkDefinition } from '../../../contracts/surveys/check-definition.js';
import { walkQuestions, type FormDefinition } from '../../../contracts/surveys/form-model.js';
import { formatDateTime } from '../../app/format.js';
import { useLanguageName } from '../../app/reference.js';
import { useCan, useSession } from '../../app/session.js';
import { previewKey, type PreviewHandOver } from '../../respond/source.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { fetchForm, publishForm, saveForm, surveyKeys } from './api.js';
import { ScrollTable } from '../../ui/ScrollTable.js';
import { QuestionList, TranslatedInput } from './QuestionEditor.js';

/**
 * The form builder: the same definition the XLSForm import produces, checked
 * as it is typed with the checks the server runs before publishing.
 */
export function FormBuilderPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const form = useQuery({ queryKey: surveyKeys.form(id), queryFn: () => fetchForm(id) });
  const [draft, setDraft] = useState<FormDefinition | null>(null);
  const [purpose, setPurpose] = useState<Form['purpose']>('survey');
  useEffect(() => {
    if (form.data && !draft) {
      setDraft(form.data.definition);
      setPurpose(form.data.purpose);
    }
  }, [form.data, draft]);
  // The preview tab reads the form being edited from here, and redraws on each change.
  useEffect(() => {
    if (!draft) return;
    try {
      localStorage.setItem(previewKey(id), JSON.stringify({ form: draft, orgName: session?.org?.name ?? '' } satisfies PreviewHandOver));
    } catch {
      // Storage full or disabled: the preview says it has nothing to show.
    }
  }, [draft, id, session?.org?.name]);
  const problems = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of draft ? checkDefinition(draft) : []) map.set(p.name, [...(map.get(p.name) ?? []), t(`errors.${p.code}`, p.params ?? {})]);
    return map;
  }, [draft, t]);
  const names = useMemo(() => new Set(draft ? [...walkQuestions(draft.questions)].map((w) => w.question.name) : []), [draft]);
  const offeredLanguages = [...new Set([...(session?.org?.languages ?? []), ...(draft?.languages ?? [])])];
  const languageName = useLanguageName(offeredLanguages);
  const dirty = !!draft && !!form.data && (JSON.stringify(draft) !== JSON.stringify(form.data.definition) || purpose !== form.data.purpose);
  const guard = useLeaveGuard(dirty && can('surveys.manage'));

  const save = useMutation({
    mutationFn: () => saveForm(id, draft, purpose),
    onSuccess: (f) => {
      queryClient.setQueryData(surveyKeys.form(id), f);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.forms });
      notify(t('ui.saved'));
    },
  });
  const publish = useMutation({
    mutationFn: async () => {
      if (dirty) await save.mutateAsync();
      return publishForm(id);
    },
    onSuccess: (f) => {
      queryClient.setQueryData(surveyKeys.form(id), f);
      notify(t('surveys.published', { version: f.publishedVersion }));
    },
  });

  // Checked first: a refused load leaves no draft, and would otherwise spin for ever.
  if (form.error) return <ProblemAlert error={form.error} />;
  if (form.isPending || !draft) return <Loading />;
  const editable = can('surveys.manage');
  const languages = draft.languages;
  return (
    <Stack>
      {guard.dialog}
      <PageHeader title={form.data.title}>
        <Anchor href={`/api/v1/forms/${id}/xlsform`}>{t('surveys.downloadXlsform')}</Anchor>
        <Button component="a" href={`/r/preview/${encodeURIComponent(id)}`} target="_blank" rel="noopener" variant="default">{t('surveys.preview')}</Button>
        {editable && (
          <>
            <Button variant="default" onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>{t('ui.save')}</Button>
            <Button onClick={() => publish.mutate()} loading={publish.isPending} disabled={problems.size > 0}>{t('surveys.publish')}</Button>
          </>
        )}
      </PageHeader>
      <Group gap="xs">
        <Badge variant="light">{form.data.publishedVersion ? t('surveys.publishedVersion', { version: form.data.publishedVersion }) : t('surveys.neverPublished')}</Badge>
        {dirty && <Badge variant="light" color="orange">{t('surveys.unsaved')}</Badge>}
      </Group>
      <ProblemAlert error={save.error ?? publish.error} />
      {problems.size > 0 && <Alert color="red" variant="light" title={t('surveys.problemsTitle', { count: [...problems.values()].flat().length })}>{t('surveys.problemsHelp')}</Alert>}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <TranslatedInput label={t('surveys.formTitle')} required value={draft.title} languages={languages} onChange={(title) => setDraft({ ...draft, title })} />
          <Group align="end">
            <MultiSelect
              w={360}
              label={t('surveys.languages')}
              data={[...new Set([...offeredLanguages, ...languages])].map((l) => ({ value: l, label: languageName(l) }))}
              value={languages}
              onChange={(v) => v.length && setDraft({ ...draft, languages: v })}
            />
            <Select w={200} label={t('surveys.purpose')} allowDeselect={false} data={FORM_PURPOSES.map((p) => ({ value: p, label: t(`surveys.purposes.${p}`) }))} value={purpose} onChange={(v) => v && setPurpose(v as Form['purpose'])} />
          </Group>
          <Text size="xs" c="dimmed">{t('surveys.expressionsHelp')}</Text>
        </Stack>
      </Paper>
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <QuestionList questions={draft.questions} languages={languages} onChange={(questions) => setDraft({ ...draft, questions })} problems={problems} names={names} />
      </fieldset>
      {form.data.versions.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">{t('surveys.versions')}</Title>
          <ScrollTable minWidth={360}>
          <Table>
            <Table.Thead><Table.Tr><Table.Th>{t('surveys.version')}</Table.Th><Table.Th>{t('surveys.publishedAt')}</Table.Th><Table.Th>{t('surveys.responses')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {form.data.versions.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>v{v.version}</Table.Td>
                  <Table.Td>{formatDateTime(v.publishedAt)}</Table.Td>
                  <Table.Td>{v.responses}</Table.Td>
                  <Table.Td><Anchor href={`/api/v1/forms/${id}/xlsform?version=${v.version}`} size="sm">XLSForm</Anchor></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          </ScrollTable>
        </Paper>
      )}
    </Stack>
  );
}
