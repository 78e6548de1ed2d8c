import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconMicrophone, IconTag } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDate } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { CodeToBottleneck } from './CodeToBottleneck.js';
import { conductUrl, fetchInterview, interviewKeys, removeInterview } from './interview-api.js';
import { sectorColor } from './TeamTab.js';

/**
 * An interview: who, when, with which guide; its answers in the guide's
 * order, each with the bottlenecks it is coded to (each opening the
 * bottleneck's evidence) and, for staff, "code to a bottleneck".
 */
export function InterviewPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [coding, setCoding] = useState<string | null>(null);
  const interview = useQuery({ queryKey: interviewKeys.interview(id!), queryFn: () => fetchInterview(id!) });
  if (interview.isPending) return <Loading />;
  if (!interview.data) return <ProblemAlert error={interview.error} />;
  const i = interview.data;
  const regionPath = `/led/${i.regionId}`;
  return (
    <>
      <Anchor component={Link} to={`${regionPath}?tab=interviews`} size="sm" mih={44} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={16} />{t('led.interview.back')} ({i.regionName})
      </Anchor>
      <PageHeader title={i.interviewee}>
        {can('led.manage') && (
          <ConfirmButton variant="default" color="red" size="sm" label={t('ui.remove')} question={t('led.interview.removeQuestion', { name: i.interviewee })} onConfirm={async () => {
            await removeInterview(i.id);
            await queryClient.invalidateQueries({ queryKey: interviewKeys.list(i.regionId) });
            void navigate(`${regionPath}?tab=interviews`);
          }} />
        )}
      </PageHeader>
      <Stack>
        <Stack gap={4}>
          {i.organisation && <Text style={{ overflowWrap: 'anywhere' }}>{i.organisation}</Text>}
          <Group gap={4}>
            <Badge variant="light" color={sectorColor[i.sector]}>{t(`led.sectors.${i.sector}`)}</Badge>
            <Badge variant="light" color={i.status === 'submitted' ? 'teal' : 'gray'}>{t(`led.interview.statuses.${i.status}`)}</Badge>
          </Group>
          <Text size="sm" c="dimmed">{[formatDate(i.interviewedOn), `${t('led.interview.guide')}: ${i.formTitle}`, i.conductedBy && t('led.interview.conductedBy', { name: i.conductedBy })].filter(Boolean).join(' · ')}</Text>
        </Stack>
        {i.status === 'draft' && can('led.manage') && (
          <Stack gap={4}>
            {/* The respondent page is a page of its own (its own bundle, kept on the phone): opened by address, not by the router. */}
            <Group><Button component="a" href={conductUrl(i.id)} leftSection={<IconMicrophone size={16} />}>{t('led.interview.conduct')}</Button></Group>
            <Text size="xs" c="dimmed">{t('led.interview.conductHelp')}</Text>
          </Stack>
        )}
        <Title order={2} size="h4">{t('led.interview.answers')}</Title>
        {!i.answers.length && <EmptyState>{t('led.interview.noAnswers')}</EmptyState>}
        {i.answers.map((a) => (
          <Paper key={a.question} withBorder p="sm">
            <Stack gap={4}>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{a.label}</Text>
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{a.text}</Text>
              {a.codedTo.length > 0 && (
                <Group gap={4}>
                  <Text size="xs" c="dimmed">{t('led.interview.codedTo')}:</Text>
                  {a.codedTo.map((c) => (
                    <Badge key={c.codeId} component={Link} to={`${regionPath}/bottlenecks/${c.bottleneckId}`} variant="light" color={c.kind === 'regulatory' ? 'grape' : 'blue'} style={{ cursor: 'pointer', textTransform: 'none' }}>
                      {c.title}
                    </Badge>
                  ))}
                </Group>
              )}
              {can('led.manage') && coding !== a.question && (
                <Group><Button size="xs" variant="light" mih={44} leftSection={<IconTag size={14} />} onClick={() => setCoding(a.question)}>{t('led.interview.codeTo')}</Button></Group>
              )}
              {coding === a.question && (
                <CodeToBottleneck regionId={i.regionId} evidence={{ source: 'interview', interviewId: i.id, question: a.question }} codedTo={a.codedTo.map((c) => c.bottleneckId)} onDone={() => setCoding(null)} />
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
