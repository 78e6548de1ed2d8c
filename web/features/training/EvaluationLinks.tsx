import { ActionIcon, Anchor, Badge, Button, CopyButton, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconQrcode } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EVALUATION_KINDS, EVALUATION_LINK_DAYS, type CourseEvaluation, type EvaluationKind, type EvaluationLinkHandOver, type EvaluationLinkState } from '../../../contracts/training.js';
import { formatDate } from '../../app/format.js';
import { useConfirm } from '../../ui/confirm.js';
import { DataTable } from '../../ui/DataTable.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { QrCode } from '../../ui/QrCode.js';
import { handOverEvaluationLink, sendEvaluationLinks, trainingKeys } from './api.js';

const STATE_COLOR: Record<EvaluationLinkState, string> = { not_sent: 'gray', sent: 'blue', expired: 'orange', answered: 'teal' };

/**
 * Participants answer the course's forms on their own phone: staff mail each
 * one who has not answered their own link (after saying how many get a mail
 * and how many have no address), or show a person their link as a QR code.
 * Each row says where that person's link stands.
 */
export function EvaluationLinks({ courseId, evaluation }: { courseId: string; evaluation: CourseEvaluation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [ask, dialog] = useConfirm();
  const kinds = EVALUATION_KINDS.filter((k) => evaluation.forms[k]);
  const [chosen, setChosen] = useState<EvaluationKind>(kinds[0] ?? 'pre');
  const kind = kinds.includes(chosen) ? chosen : kinds[0];
  const [shown, setShown] = useState<{ name: string; link: EvaluationLinkHandOver } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trainingKeys.evaluation(courseId) });
  const send = useMutation({
    mutationFn: (k: EvaluationKind) => sendEvaluationLinks(courseId, k),
    onSuccess: async (sent) => {
      await refresh();
      notify(t('training.evaluation.linksSent', { mailed: sent.mailed, without: sent.withoutEmail }));
    },
  });
  const handOver = useMutation({
    mutationFn: (p: { personId: string; name: string }) => handOverEvaluationLink(courseId, kind!, p.personId),
    onSuccess: async (link, p) => {
      setShown({ name: p.name, link });
      await refresh();
    },
  });
  if (!kind) return null;
  const form = t(`training.evaluation.kinds.${kind}`);
  const due = evaluation.people.filter((p) => p.links[kind] !== 'answered');
  const mailed = due.filter((p) => p.hasEmail).length;
  const confirmSend = async () => {
    if (await ask({ question: t('training.evaluation.sendLinksQuestion', { form, mailed, without: due.length - mailed }), confirmLabel: t('training.evaluation.sendLinks'), color: 'blue' })) send.mutate(kind);
  };
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">{t('training.evaluation.links')}</Title>
      <Text size="sm" c="dimmed">{t('training.evaluation.linksHelp', { days: EVALUATION_LINK_DAYS })}</Text>
      <Group align="flex-end" wrap="wrap">
        <Select label={t('training.evaluation.linksFor')} allowDeselect={false} value={kind} onChange={(k) => k && setChosen(k as EvaluationKind)}
          data={kinds.map((k) => ({ value: k, label: t(`training.evaluation.kinds.${k}`) }))} w={200} />
        <Button variant="light" onClick={() => void confirmSend()} loading={send.isPending} disabled={mailed === 0}>{t('training.evaluation.sendLinks')}</Button>
      </Group>
      {due.length === 0 && evaluation.people.length > 0 && <Text size="sm">{t('training.evaluation.nobodyToSend')}</Text>}
      <ProblemAlert error={send.error ?? handOver.error} />
      <DataTable pending={false} empty={evaluation.people.length === 0} emptyText={t('training.evaluation.nobody')} minWidth={340}
        headers={[t('events.name'), t('training.evaluation.linkColumn'), '']}>
        {evaluation.people.map((p) => {
          const state = p.links[kind];
          return (
            <Table.Tr key={p.personId}>
              <Table.Td><Anchor component={Link} to={`/people-reached/${p.personId}`} size="sm">{p.name}</Anchor></Table.Td>
              <Table.Td>
                <Group gap={4} wrap="wrap">
                  <Badge variant="light" color={STATE_COLOR[state]}>{t(`training.evaluation.linkStates.${state}`)}</Badge>
                  {!p.hasEmail && state !== 'answered' && <Text size="xs" c="dimmed">{t('training.evaluation.noEmail')}</Text>}
                </Group>
              </Table.Td>
              <Table.Td>
                {state !== 'answered' && (
                  <ActionIcon variant="subtle" aria-label={t('training.evaluation.showLinkFor', { form, name: p.name })} title={t('training.evaluation.showLinkFor', { form, name: p.name })}
                    loading={handOver.isPending && handOver.variables?.personId === p.personId} onClick={() => handOver.mutate({ personId: p.personId, name: p.name })}>
                    <IconQrcode size={18} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={shown ? t('training.evaluation.linkTitle', { form, name: shown.name }) : ''}>
        {shown && (
          <Stack gap="sm" align="center">
            <QrCode text={shown.link.url} label={t('training.evaluation.linkQr')} />
            <Text size="sm">{t('training.evaluation.linkHelp', { name: shown.name, date: formatDate(shown.link.expiresAt) })}</Text>
            <TextInput readOnly value={shown.link.url} w="100%" aria-label={t('training.evaluation.linkQr')} onFocus={(e) => e.currentTarget.select()} />
            <CopyButton value={shown.link.url}>
              {({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? t('training.evaluation.copied') : t('training.evaluation.copy')}</Button>}
            </CopyButton>
          </Stack>
        )}
      </Modal>
      {dialog}
    </Stack>
  );
}
