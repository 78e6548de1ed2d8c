import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateDecision, FileDuplicateChoices, ImportReport } from '../../../contracts/member-import.js';
import { useRegionName } from '../../app/reference.js';
import { useCan } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { TaskCancelledNote } from '../../ui/TaskProgress.js';
import { MergeChoices, undecidedFields, type FieldChoices } from './MergeChoices.js';

// Long labels wrap on a phone instead of being cut off.
const wrap = { label: { whiteSpace: 'normal' as const, textAlign: 'left' as const } };

const decisionKey = (d: DuplicateDecision) => (typeof d === 'string' ? d : `merge:${d.merge}`);

/** What still needs the person before the import may run: undecided duplicates in the file, undecided merge fields. */
export function pendingChoices(report: ImportReport, decisions: Record<string, DuplicateDecision>, fileDuplicates: FileDuplicateChoices) {
  const files = report.fileDuplicates.filter((g) => fileDuplicates[g.registrationNumber] === undefined).length;
  const merges = report.duplicates.filter((d) => {
    const decision = decisions[String(d.row)] ?? d.suggested;
    if (typeof decision === 'string') return false;
    const candidate = d.candidates.find((c) => c.memberId === decision.merge);
    return !!candidate && undecidedFields(candidate.differences, decision.fields ?? {}).length > 0;
  }).length;
  return files + merges;
}

interface Props {
  report: ImportReport;
  decisions: Record<string, DuplicateDecision>;
  onDecisions: (d: Record<string, DuplicateDecision>) => void;
  fileDuplicates: FileDuplicateChoices;
  onFileDuplicates: (c: FileDuplicateChoices) => void;
  onCommit: (skipRejected?: number) => void;
  committing: boolean;
  commitError: unknown;
  /** How far the import got, and its cancel button. */
  commitProgress: ReactNode;
  onDownload: () => void;
  downloading: boolean;
  downloadError: unknown;
  onAddDistricts: (districts: Array<{ region: string; name: string }>) => void;
  addingDistricts: boolean;
  addDistrictsError: unknown;
}

/** The check step: what the import would do, what it needs from the person, and the buttons to do it. */
export function ImportReportPanel(p: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const { report } = p;
  const rejected = report.rejected.length;
  const pending = pendingChoices(report, p.decisions, p.fileDuplicates);
  const addable = report.missingDistricts.filter((d): d is { region: string; name: string; rows: number } => d.region !== null);
  const withoutRegion = report.missingDistricts.filter((d) => d.region === null);
  const regionName = useRegionName(addable.map((d) => d.region));

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h5">{t('members.import.reportTitle')}</Title>
        <Group gap="xs">
          <Badge size="lg" variant="light">{t('members.import.rows', { count: report.rows })}</Badge>
          <Badge size="lg" variant="light" color="teal">{t('members.import.valid', { count: report.valid })}</Badge>
          <Badge size="lg" variant="light" color={rejected ? 'red' : 'gray'}>{t('members.import.rejected', { count: rejected })}</Badge>
          <Badge size="lg" variant="light" color={report.duplicates.length + report.fileDuplicates.length ? 'yellow' : 'gray'}>{t('members.import.duplicates', { count: report.duplicates.length + report.fileDuplicates.length })}</Badge>
        </Group>

        {report.notImported.length > 0 && <Alert color="gray">{t('members.import.notImported', { columns: report.notImported.join(', ') })}</Alert>}
        {report.totalEmployeesAsNote > 0 && <Alert color="blue">{t('members.import.totalAsNote', { count: report.totalEmployeesAsNote })}</Alert>}

        {report.formulas.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h6">{t('members.import.formulasTitle')}</Title>
            <Text size="sm">{t('members.import.formulasHelp', { count: report.formulas.length })}</Text>
            <DataTable bordered={false} pending={false} empty={false} emptyText="" minWidth={480} headers={[t('members.import.row'), t('members.import.column'), t('members.import.formula'), t('members.import.value')]}>
              {report.formulas.slice(0, 200).map((f) => (
                <Table.Tr key={`${f.row}:${f.column}`}>
                  <Table.Td>{f.row}</Table.Td>
                  <Table.Td>{f.column}</Table.Td>
                  <Table.Td><Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>={f.formula}</Text></Table.Td>
                  <Table.Td>{f.value}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            {report.formulas.length > 200 && <Text size="sm">{t('members.import.more', { count: report.formulas.length - 200 })}</Text>}
          </Stack>
        )}

        {rejected > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h6">{t('members.import.rejectedTitle')}</Title>
            <Alert color="red">{t('members.import.fixOrSkip')}</Alert>
            {report.missingDistricts.length > 0 && (
              <Alert color="yellow" title={t('members.import.districtsTitle')}>
                <Stack gap="xs">
                  <Text size="sm">
                    {t('members.import.districtsHelp', { districts: report.missingDistricts.map((d) => (d.region ? `${d.name} (${regionName(d.region)})` : d.name)).join(', ') })}{' '}
                    <Anchor component={Link} to="/membership/settings" size="sm">{t('members.import.districtsSettings')}</Anchor>
                  </Text>
                  {withoutRegion.length > 0 && <Text size="sm">{t('members.import.districtsNoRegion', { districts: withoutRegion.map((d) => d.name).join(', ') })}</Text>}
                  {addable.length > 0 && can('members.settings') && (
                    <Button w="fit-content" size="xs" h="auto" py={6} styles={wrap} loading={p.addingDistricts} onClick={() => p.onAddDistricts(addable.map(({ region, name }) => ({ region, name })))}>
                      {t('members.import.addDistricts', { count: addable.length })}
                    </Button>
                  )}
                  {addable.length > 0 && !can('members.settings') && <Text size="sm" c="dimmed">{t('members.import.districtsAskAdmin')}</Text>}
                  <ProblemAlert error={p.addDistrictsError} />
                </Stack>
              </Alert>
            )}
            <DataTable bordered={false} pending={false} empty={false} emptyText="" minWidth={300} headers={[t('members.import.row'), t('members.import.problems')]}>
              {report.rejected.slice(0, 500).map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.problems.map((x) => `${t(`members.import.fields.${x.field}`, { defaultValue: x.field })}: ${x.message}`).join(' · ')}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            {rejected > 500 && <Text size="sm">{t('members.import.more', { count: rejected - 500 })}</Text>}
            <Button w="fit-content" variant="light" h="auto" py={6} styles={wrap} leftSection={<IconDownload size={16} />} loading={p.downloading} onClick={p.onDownload}>
              {t('members.import.downloadRejected', { count: rejected })}
            </Button>
            <ProblemAlert error={p.downloadError} />
          </Stack>
        )}

        {report.fileDuplicates.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h6">{t('members.import.fileDuplicatesTitle')}</Title>
            <DataTable bordered={false} pending={false} empty={false} emptyText="" minWidth={300} headers={[t('members.import.fields.registrationNumber'), t('members.import.decision')]}>
              {report.fileDuplicates.map((g) => (
                <Table.Tr key={g.registrationNumber}>
                  <Table.Td>{g.registrationNumber}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('members.import.fileDuplicateChoice', { number: g.registrationNumber })}
                      size="xs"
                      placeholder={t('members.import.choose')}
                      value={p.fileDuplicates[g.registrationNumber] === undefined ? null : String(p.fileDuplicates[g.registrationNumber])}
                      data={[
                        ...g.rows.map((r) => ({ value: String(r.row), label: t('members.import.keepRow', { row: r.row, name: r.legalName }) })),
                        { value: 'all', label: t('members.import.keepAll', { count: g.rows.length }) },
                      ]}
                      onChange={(v) => v && p.onFileDuplicates({ ...p.fileDuplicates, [g.registrationNumber]: v === 'all' ? 'all' : Number(v) })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Stack>
        )}

        {report.duplicates.length > 0 && (
          <Stack gap="sm">
            <Title order={3} size="h6">{t('members.import.registryDuplicatesTitle')}</Title>
            {report.duplicates.map((d) => {
              const decision = p.decisions[String(d.row)] ?? d.suggested;
              const candidate = typeof decision === 'string' ? undefined : d.candidates.find((c) => c.memberId === decision.merge);
              return (
                <Paper key={d.row} withBorder p="sm">
                  <Stack gap="xs">
                    <Text size="sm" fw={600}>{t('members.import.rowName', { row: d.row, name: d.legalName })}</Text>
                    {d.candidates.map((c) => (
                      <Text size="sm" key={c.memberId}>
                        {t('members.import.existing')}: <Anchor component={Link} to={`/members/${c.memberId}`} target="_blank" size="sm">{c.legalName}</Anchor> ({t(`members.import.reasons.${c.reason}`)}{c.reason === 'similar_name' ? ` ${Math.round(c.similarity * 100)} %` : ''})
                      </Text>
                    ))}
                    <Select
                      aria-label={t('members.import.decisionFor', { row: d.row })}
                      size="xs"
                      maw={420}
                      allowDeselect={false}
                      value={decisionKey(decision)}
                      data={[
                        { value: 'create', label: t('members.import.create') },
                        { value: 'skip', label: t('members.import.skip') },
                        ...d.candidates.map((c) => ({ value: `merge:${c.memberId}`, label: t('members.import.mergeInto', { name: c.legalName }) })),
                      ]}
                      onChange={(v) => {
                        if (!v) return;
                        const next: DuplicateDecision = v.startsWith('merge:')
                          ? { merge: v.slice(6), fields: Object.fromEntries((d.candidates.find((c) => `merge:${c.memberId}` === v)?.differences ?? []).filter((x) => x.registry === null && x.field !== 'status').map((x) => [x.field, 'file'])) }
                          : (v as 'create' | 'skip');
                        p.onDecisions({ ...p.decisions, [String(d.row)]: next });
                      }}
                    />
                    {candidate && typeof decision !== 'string' && (
                      <MergeChoices
                        row={d.row}
                        differences={candidate.differences}
                        choices={(decision.fields ?? {}) as FieldChoices}
                        onChange={(fields) => p.onDecisions({ ...p.decisions, [String(d.row)]: { merge: decision.merge, fields } })}
                      />
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        )}

        {pending > 0 && <Alert color="yellow">{t('members.import.choicesPending', { count: pending })}</Alert>}
        <ProblemAlert error={p.commitError} />
        <Group>
          <Button onClick={() => p.onCommit()} loading={p.committing} disabled={rejected > 0 || report.valid === 0 || pending > 0}>
            {t('members.import.commit', { count: report.valid })}
          </Button>
          {rejected > 0 && report.valid > 0 && (
            <Button variant="default" h="auto" py={6} styles={wrap} onClick={() => p.onCommit(rejected)} loading={p.committing} disabled={pending > 0}>
              {t('members.import.commitSkipping', { valid: report.valid, rejected })}
            </Button>
          )}
        </Group>
        {p.committing && <Text size="sm">{t('members.import.importing')}</Text>}
        {p.commitProgress}
        <TaskCancelledNote error={p.commitError} />
      </Stack>
    </Paper>
  );
}
