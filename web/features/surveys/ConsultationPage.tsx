import { Anchor, Badge, Button, CopyButton, Group, Menu, Paper, Select, SimpleGrid, Stack, Tabs, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SIZE_CLASSES } from '../../../contracts/member-lists.js';
import type { Consultation } from '../../../contracts/surveys.js';
import { CROSS_TAB_DIMENSIONS } from '../../../contracts/surveys/cross-tab.js';
import { pickLabel, walkQuestions, type FormDefinition } from '../../../contracts/surveys/form-model.js';
import { formatDate, formatDateTime } from '../../app/format.js';
import { sectorLabel } from '../../app/sectors.js';
import { useRegionChoices, useRegionName } from '../../app/reference.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Loading } from '../../ui/Loading.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { Stat } from '../../ui/Stat.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { fetchOrg, orgKeys } from '../orgs/api.js';
import { actOnConsultation, fetchAnalysis, fetchCitedBy, fetchConsultation, fetchConsultationForm, surveyKeys, tagTextAnswer, textAnswersPath } from './api.js';
import { statusColor } from './ConsultationsPage.js';
import { EnterAnswersButton } from './EnterAnswersButton.js';
import { QuestionResults } from './QuestionResults.js';
import { useTabParam } from '../../ui/use-tab-param.js';

function Results({ c, form }: { c: Consultation; form: FormDefinition }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [params, setParams] = useState<Record<string, string>>({});
  const analysis = useQuery({ queryKey: surveyKeys.analysis(c.id, params), queryFn: () => fetchAnalysis(c.id, params) });
  const questions = new Map([...walkQuestions(form.questions)].map((w) => [w.question.name, w.question]));
  const org = useQuery({ queryKey: orgKeys.org, queryFn: fetchOrg, enabled: c.identity === 'firm' });
  const regionChoices = useRegionChoices(org.data?.regions);
  const regionName = useRegionName(params.by === 'region' ? (analysis.data?.questions.flatMap((q) => q.counts.map((x) => x.by)) ?? []) : []);
  const dimensionLabel = (v: string | null) => {
    if (v === null) return t('members.dashboard.unknown');
    switch (params.by) {
      case 'sector': return sectorLabel(v);
      case 'region': return regionName(v);
      case 'size': return t(`members.sizes.${v}`);
      case 'ownership': return t(`members.dashboard.ownerships.${v}`);
      case 'ownerSex': return t(`members.sexes.${v}`);
      default: return v;
    }
  };
  const set = (k: string, v: string | null) => setParams((p) => {
    const next = { ...p };
    if (v) next[k] = v;
    else delete next[k];
    return next;
  });
  return (
    <Stack>
      {c.identity === 'firm' && (
        <Group align="end" wrap="wrap">
          <Select w={220} label={t('surveys.crossBy')} clearable data={CROSS_TAB_DIMENSIONS.map((d) => ({ value: d, label: t(`surveys.dimensions.${d}`) }))} value={params.by ?? null} onChange={(v) => set('by', v)} />
          <Select w={220} label={t('members.region')} clearable searchable data={regionChoices} value={params.region ?? null} onChange={(v) => set('region', v)} />
          <Select w={160} label={t('members.size')} clearable data={SIZE_CLASSES.map((s) => ({ value: s, label: t(`members.sizes.${s}`) }))} value={params.size ?? null} onChange={(v) => set('size', v)} />
        </Group>
      )}
      {can('surveys.export') && (
        <Menu>
          <Menu.Target><Button variant="default" w="fit-content">{t('surveys.exportAnswers')}</Button></Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component="a" href={`/api/v1/consultations/${c.id}/answers.csv`}>CSV</Menu.Item>
            <Menu.Item component="a" href={`/api/v1/consultations/${c.id}/answers.xlsx`}>Excel (XLSX)</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      {analysis.isPending && <Loading />}
      <ProblemAlert error={analysis.error} />
      {analysis.data && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {c.identity === 'firm' && <Stat label={t('surveys.invited')} value={String(analysis.data.invited)} />}
            <Stat label={t('surveys.submitted')} value={String(analysis.data.submitted)} />
            {analysis.data.responseRate !== null && <Stat label={t('surveys.responseRate')} value={`${Math.round(analysis.data.responseRate * 100)} %`} />}
            <Stat label={t('surveys.drafts')} value={String(c.drafts)} />
          </SimpleGrid>
          {analysis.data.submitted === 0 ? (
            <EmptyState>{t('surveys.noAnswersYet')}</EmptyState>
          ) : (
            analysis.data.questions.filter((q) => q.counts.length || q.stats).map((q) => (
              <QuestionResults key={q.name} result={q} question={questions.get(q.name)} form={form} lang={i18n.language} dimensionLabel={dimensionLabel} />
            ))
          )}
        </>
      )}
    </Stack>
  );
}

/** Free-text answers, read and tagged by theme so they can be counted. */
function TextAnswers({ c, form }: { c: Consultation; form: FormDefinition }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const texts = [...walkQuestions(form.questions)].filter((w) => w.question.type === 'text' && !w.repeat).map((w) => w.question);
  const [question, setQuestion] = useState(texts[0]?.name ?? '');
  const [tag, setTag] = useState('');
  const pages = useCursorPages<{ responseId: string; text: string; tags: string[]; firmName: string | null; submittedAt: string }>(
    surveyKeys.textAnswers(c.id), textAnswersPath(c.id), { question, tag: tag || undefined },
  );
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: ({ responseId, tags }: { responseId: string; tags: string[] }) => tagTextAnswer(c.id, responseId, question, tags),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.textAnswers(c.id) }),
  });
  if (!texts.length) return <EmptyState>{t('surveys.noTextQuestions')}</EmptyState>;
  return (
    <Stack>
      <Group align="end">
        <Select w={320} label={t('surveys.question')} allowDeselect={false} data={texts.map((q) => ({ value: q.name, label: pickLabel(q.label, i18n.language, form.languages) || q.name }))} value={question} onChange={(v) => v && setQuestion(v)} />
        <TextInput w={200} label={t('surveys.filterTag')} value={tag} onChange={(e) => setTag(e.currentTarget.value.trim().toLowerCase())} />
      </Group>
      <ProblemAlert error={pages.error ?? save.error} />
      {pages.isPending ? <Loading /> : pages.items.length === 0 ? <EmptyState>{t('surveys.noTextAnswers')}</EmptyState> : pages.items.map((a) => (
        <Paper key={a.responseId} withBorder p="sm">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Text>
          <Text size="xs" c="dimmed">{[a.firmName, formatDateTime(a.submittedAt)].filter(Boolean).join(' · ')}</Text>
          <TagsInput
            mt={4}
            size="xs"
            label={t('surveys.themes')}
            value={a.tags}
            readOnly={!can('surveys.manage')}
            onChange={(tags) => save.mutate({ responseId: a.responseId, tags })}
          />
        </Paper>
      ))}
      <LoadMore hasMore={!!pages.hasNextPage} loading={pages.isFetchingNextPage} onLoad={() => void pages.fetchNextPage()} />
    </Stack>
  );
}

/** What a consultation led to: the advocacy issues citing its answers as evidence. */
function CitedBy({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const cited = useQuery({ queryKey: surveyKeys.citedBy(consultationId), queryFn: () => fetchCitedBy(consultationId) });
  if (cited.error) return <ProblemAlert error={cited.error} />;
  const items = cited.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">{t('surveys.citedBy')}</Title>
      {cited.isPending ? <Loading /> : items.length === 0 ? (
        <Text size="sm" c="dimmed">{t('surveys.notCited')}</Text>
      ) : (
        <Stack gap={4} component="ul" style={{ margin: 0, paddingLeft: '1.2rem' }}>
          {items.map((issue) => (
            <li key={issue.id}>
              {can('advocacy.read') ? <Anchor component={Link} to={`/advocacy/${issue.id}`} size="sm">{issue.title}</Anchor> : <Text span size="sm">{issue.title}</Text>}
              {issue.questions.length > 0 && <Text size="xs" c="dimmed">{t('surveys.citesQuestions', { count: issue.questions.length })}</Text>}
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

export function ConsultationPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const tabs = useTabParam('results');
  const can = useCan();
  const queryClient = useQueryClient();
  const c = useQuery({ queryKey: surveyKeys.consultation(id), queryFn: () => fetchConsultation(id) });
  const form = useQuery({ queryKey: surveyKeys.consultationForm(id), queryFn: () => fetchConsultationForm(id), enabled: !!c.data?.formVersion });
  const refresh = () => queryClient.invalidateQueries({ queryKey: surveyKeys.consultations });
  const action = useMutation({
    mutationFn: (what: 'open' | 'close' | 'remind') => actOnConsultation(id, what),
    onSuccess: async (r, what) => {
      notify(what === 'remind' ? t('surveys.reminded', { count: r.reminded ?? 0 }) : t(`surveys.done.${what}`));
      await refresh();
    },
  });
  if (c.isPending) return <Loading />;
  if (c.error) return <ProblemAlert error={c.error} />;
  const x = c.data;
  const manage = can('surveys.manage');
  return (
    <Stack>
      <PageHeader title={x.title}>
        <Badge variant="light" color={statusColor[x.status]}>{t(`surveys.statuses.${x.status}`)}</Badge>
        {manage && x.status === 'draft' && (
          <ConfirmButton color="teal" variant="filled" size="sm" label={t('surveys.open')} question={x.identity === 'firm' ? t('surveys.openFirmQuestion') : t('surveys.openAnonymousQuestion')} onConfirm={() => action.mutateAsync('open')} loading={action.isPending} />
        )}
        {manage && x.status === 'open' && x.identity === 'firm' && (
          <ConfirmButton color="blue" variant="light" size="sm" label={t('surveys.remind')} question={t('surveys.remindQuestion')} onConfirm={() => action.mutateAsync('remind')} />
        )}
        {manage && x.status === 'open' && x.identity === 'firm' && <EnterAnswersButton consultationId={x.id} />}
        {manage && x.status === 'open' && <ConfirmButton size="sm" label={t('surveys.close')} question={t('surveys.closeQuestion')} onConfirm={() => action.mutateAsync('close')} />}
      </PageHeader>
      <Text size="sm" c="dimmed">
        {t('surveys.form')}:{' '}
        {manage ? <Anchor component={Link} to={`/forms/${x.formId}`} inherit>{x.formTitle}</Anchor> : x.formTitle}
        {x.formVersion ? ` v${x.formVersion}` : ''}
        {' · '}
        {[t(`surveys.identities.${x.identity}`), x.closesOn ? `${t('surveys.closesOn')}: ${formatDate(x.closesOn)}` : null].filter(Boolean).join(' · ')}
      </Text>
      <ProblemAlert error={action.error} />
      {x.publicUrl && (
        <Group>
          <Text size="sm">{t('surveys.publicLink')}</Text>
          <Anchor href={x.publicUrl} target="_blank" size="sm">{x.publicUrl}</Anchor>
          <CopyButton value={x.publicUrl}>{({ copied, copy }) => <Button size="compact-xs" variant="default" onClick={copy}>{copied ? t('surveys.copied') : t('surveys.copy')}</Button>}</CopyButton>
        </Group>
      )}
      {x.status === 'draft' ? (
        <EmptyState>{x.identity === 'firm' ? t('surveys.draftFirmHelp') : t('surveys.draftAnonymousHelp')}</EmptyState>
      ) : form.isPending ? <Loading /> : form.error ? <ProblemAlert error={form.error} /> : (
        <Tabs {...tabs} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="results">{t('surveys.results')}</Tabs.Tab>
            <Tabs.Tab value="texts">{t('surveys.textAnswers')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="results" pt="md"><Results c={x} form={form.data} /></Tabs.Panel>
          <Tabs.Panel value="texts" pt="md"><TextAnswers c={x} form={form.data} /></Tabs.Panel>
        </Tabs>
      )}
      {x.status !== 'draft' && <CitedBy consultationId={x.id} />}
    </Stack>
  );
}
