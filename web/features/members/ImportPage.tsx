import { Alert, Badge, Button, FileInput, Group, Paper, Select, SimpleGrid, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportReport } from '../../../contracts/member-import.js';
import { uploadFile } from '../../app/api.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { memberKeys } from './api.js';

type Preview = { format: string; encoding: string; columns: string[]; rowCount: number; sample: string[][]; suggestedMapping: ImportMapping };
type Decision = 'create' | 'skip' | { merge: string };

/** The file goes up with each step (multipart); the server keeps nothing between steps. */
const upload = <T,>(step: string, file: File, fields: Record<string, unknown> = {}) => uploadFile<T>(`/api/v1/members/import/${step}`, file, fields);

const decisionKey = (d: Decision) => (typeof d === 'string' ? d : `merge:${d.merge}`);
const decisionOf = (key: string): Decision => (key.startsWith('merge:') ? { merge: key.slice(6) } : (key as 'create' | 'skip'));

export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const preview = useMutation({ mutationFn: (f: File) => upload<Preview>('preview', f), onSuccess: (p) => setMapping(p.suggestedMapping) });
  const check = useMutation({
    mutationFn: () => upload<ImportReport>('check', file!, { mapping }),
    onSuccess: (r) => setDecisions(Object.fromEntries(r.duplicates.map((d) => [String(d.row), d.suggested as Decision]))),
  });
  const commit = useMutation({
    mutationFn: () => upload<{ created: number; merged: number; skipped: number }>('commit', file!, { mapping, decisions }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: memberKeys.all }),
  });
  const step = commit.isSuccess ? 3 : check.isSuccess ? 2 : preview.isSuccess ? 1 : 0;
  const report = check.data;
  const columnOptions = (preview.data?.columns ?? []).map((c, i) => ({ value: String(i), label: c }));

  return (
    <Stack maw={1100}>
      <PageHeader title={t('members.import.title')} />
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('members.import.stepFile')} />
        <Stepper.Step label={t('members.import.stepMapping')} />
        <Stepper.Step label={t('members.import.stepCheck')} />
        <Stepper.Step label={t('members.import.stepDone')} />
      </Stepper>

      <Paper withBorder p="md">
        <Stack>
          <Text size="sm">{t('members.import.intro')}</Text>
          <Group align="flex-end">
            <FileInput
              label={t('members.import.file')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileSpreadsheet size={16} />}
              value={file}
              onChange={(f) => {
                setFile(f);
                check.reset();
                commit.reset();
                if (f) preview.mutate(f);
              }}
              miw={300}
            />
          </Group>
          <ProblemAlert error={preview.error} />
          {preview.isPending && <Text size="sm">{t('members.import.reading')}</Text>}
        </Stack>
      </Paper>

      {preview.data && (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">{t('members.import.mappingTitle')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('members.import.found', { rows: preview.data.rowCount, columns: preview.data.columns.length, encoding: preview.data.encoding })}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            {IMPORT_FIELDS.map((field: ImportField) => (
              <Select
                key={field}
                label={t(`members.import.fields.${field}`)}
                required={field === 'legalName'}
                clearable
                data={columnOptions}
                value={mapping[field] === undefined ? null : String(mapping[field])}
                onChange={(v) => {
                  const next = { ...mapping };
                  if (v === null) delete next[field];
                  else next[field] = Number(v);
                  setMapping(next);
                  check.reset();
                }}
              />
            ))}
          </SimpleGrid>
          <Button mt="md" onClick={() => check.mutate()} loading={check.isPending} disabled={mapping.legalName === undefined}>
            {t('members.import.check')}
          </Button>
          <ProblemAlert error={check.error} />
        </Paper>
      )}

      {report && !commit.isSuccess && (
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h5">{t('members.import.reportTitle')}</Title>
            <Group>
              <Badge size="lg" variant="light">{t('members.import.rows', { count: report.rows })}</Badge>
              <Badge size="lg" variant="light" color="teal">{t('members.import.valid', { count: report.valid })}</Badge>
              <Badge size="lg" variant="light" color={report.rejected.length ? 'red' : 'gray'}>{t('members.import.rejected', { count: report.rejected.length })}</Badge>
              <Badge size="lg" variant="light" color={report.duplicates.length ? 'yellow' : 'gray'}>{t('members.import.duplicates', { count: report.duplicates.length })}</Badge>
            </Group>
            {report.rejected.length > 0 && (
              <>
                <Alert color="red">{t('members.import.fixFirst')}</Alert>
                <DataTable bordered={false} pending={false} empty={false} emptyText="" minWidth={560} headers={[t('members.import.row'), t('members.import.problems')]}>
                  {report.rejected.slice(0, 500).map((r) => (
                    <Table.Tr key={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>{r.problems.map((p) => `${t(`members.import.fields.${p.field}`, { defaultValue: p.field })}: ${p.message}`).join(' · ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
                {report.rejected.length > 500 && <Text size="sm">{t('members.import.more', { count: report.rejected.length - 500 })}</Text>}
              </>
            )}
            {report.duplicates.length > 0 && (
              <DataTable bordered={false} pending={false} empty={false} emptyText="" minWidth={640} headers={[t('members.import.row'), t('members.legalName'), t('members.import.existing'), t('members.import.decision')]}>
                {report.duplicates.map((d) => (
                  <Table.Tr key={d.row}>
                    <Table.Td>{d.row}</Table.Td>
                    <Table.Td>{d.legalName}</Table.Td>
                    <Table.Td>
                      {d.candidates.map((c) => (
                        <Text size="sm" key={c.memberId}>
                          <Link to={`/members/${c.memberId}`} target="_blank">{c.legalName}</Link> ({t(`members.import.reasons.${c.reason}`)}{c.reason === 'similar_name' ? ` ${Math.round(c.similarity * 100)} %` : ''})
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('members.import.decision')}
                        size="xs"
                        allowDeselect={false}
                        value={decisionKey(decisions[String(d.row)] ?? d.suggested)}
                        data={[
                          { value: 'create', label: t('members.import.create') },
                          { value: 'skip', label: t('members.import.skip') },
                          ...d.candidates.map((c) => ({ value: `merge:${c.memberId}`, label: t('members.import.mergeInto', { name: c.legalName }) })),
                        ]}
                        onChange={(v) => v && setDecisions({ ...decisions, [String(d.row)]: decisionOf(v) })}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )}
            <ProblemAlert error={commit.error} />
            <Button w="fit-content" onClick={() => commit.mutate()} loading={commit.isPending} disabled={report.rejected.length > 0 || report.valid === 0}>
              {t('members.import.commit', { count: report.valid })}
            </Button>
          </Stack>
        </Paper>
      )}

      {commit.data && (
        <Alert color="teal" title={t('members.import.doneTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('members.import.done', commit.data)}</Text>
            <Button component={Link} to="/members" w="fit-content" size="xs">{t('nav.members')}</Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
