import { Alert, Button, FileInput, Group, Paper, Select, SimpleGrid, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IMPORT_ENCODINGS, IMPORT_FIELDS, type DuplicateDecision, type FileDuplicateChoices, type ImportField, type ImportMapping, type ImportReport } from '../../../contracts/member-import.js';
import { useTask } from '../../app/tasks.js';
import type { TaskStarted } from '../../../contracts/tasks.js';
import { TaskCancelledNote, TaskProgress } from '../../ui/TaskProgress.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { addDistricts as addMissingDistricts, memberKeys } from './api.js';
import { downloadRejected, importStep, type ImportResult, type Preview } from './import-api.js';
import { ImportReportPanel } from './ImportReportPanel.js';

const encodingOptions = IMPORT_ENCODINGS.map((e) => ({ value: e, label: e }));

export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  // null: the encoding the server detected; otherwise the one the person forced.
  const [encoding, setEncoding] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [decisions, setDecisions] = useState<Record<string, DuplicateDecision>>({});
  const [fileDuplicates, setFileDuplicates] = useState<FileDuplicateChoices>({});

  const preview = useMutation({
    mutationFn: (v: { file: File; encoding: string | null }) => importStep<Preview>('preview', v.file, { encoding: v.encoding }),
    onSuccess: (p) => setMapping(p.suggestedMapping),
  });
  // Checking and importing run on the server as tasks: followed here, with progress and a way to stop.
  const checking = useTask();
  const committing = useTask();
  const check = useMutation({
    mutationFn: () => checking.follow<ImportReport>(importStep<TaskStarted>('check', file!, { mapping, encoding })),
    onSuccess: (r) => {
      setDecisions(Object.fromEntries(r.duplicates.map((d) => [String(d.row), d.suggested])));
      setFileDuplicates({});
    },
  });
  const commit = useMutation({
    mutationFn: (skipRejected?: number) => committing.follow<ImportResult>(importStep<TaskStarted>('commit', file!, { mapping, encoding, decisions, fileDuplicates, skipRejected })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: memberKeys.all }),
  });
  const download = useMutation({ mutationFn: () => downloadRejected(file!, { mapping, encoding }) });
  const addDistricts = useMutation({
    mutationFn: addMissingDistricts,
    onSuccess: () => check.mutate(),
  });

  const reread = (f: File | null, e: string | null) => {
    check.reset();
    commit.reset();
    download.reset();
    addDistricts.reset();
    if (f) preview.mutate({ file: f, encoding: e });
    else preview.reset();
  };
  const step = commit.isSuccess ? 3 : check.isSuccess ? 2 : preview.isSuccess ? 1 : 0;
  const report = check.data;
  const columns = preview.data?.columns ?? [];
  const columnOptions = columns.map((c, i) => ({ value: String(i), label: c }));
  const used = new Set(Object.values(mapping));
  const unmapped = columns.filter((_, i) => !used.has(i));

  return (
    <Stack maw={1100}>
      <PageHeader title={t('members.import.title')} />
      <Stepper active={step} size="xs" allowNextStepsSelect={false}>
        <Stepper.Step label={t('members.import.stepFile')} />
        <Stepper.Step label={t('members.import.stepMapping')} />
        <Stepper.Step label={t('members.import.stepCheck')} />
        <Stepper.Step label={t('members.import.stepDone')} />
      </Stepper>

      <Paper withBorder p="md">
        <Stack>
          <Text size="sm">{t('members.import.intro')}</Text>
          <FileInput
            label={t('members.import.file')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            leftSection={<IconFileSpreadsheet size={16} />}
            value={file}
            onChange={(f) => {
              setFile(f);
              setEncoding(null);
              reread(f, null);
            }}
            maw={420}
          />
          {!file && <Text size="sm">{t('members.import.noFile')}</Text>}
          <ProblemAlert error={preview.error} />
          {preview.isPending && <Text size="sm" role="status">{t('members.import.reading')}</Text>}
          {preview.data && (
            <>
              <Text size="sm" c="dimmed">{t('members.import.found', { rows: preview.data.rowCount, columns: preview.data.columns.length, encoding: preview.data.encoding })}</Text>
              {preview.data.format === 'csv' && (
                <Select
                  label={t('members.import.encoding')}
                  description={t('members.import.encodingHelp')}
                  data={encodingOptions}
                  searchable
                  allowDeselect={false}
                  value={encoding ?? preview.data.encoding}
                  onChange={(v) => {
                    if (!v) return;
                    setEncoding(v);
                    reread(file, v);
                  }}
                  maw={320}
                />
              )}
              <Title order={2} size="h6">{t('members.import.sampleTitle')}</Title>
              <DataTable bordered={false} pending={false} empty={preview.data.sample.length === 0} emptyText={t('members.import.noRows')} minWidth={Math.min(1200, 140 * columns.length)} headers={columns}>
                {preview.data.sample.map((cells, i) => (
                  <Table.Tr key={i}>
                    {columns.map((_, j) => <Table.Td key={j}>{cells[j] ?? ''}</Table.Td>)}
                  </Table.Tr>
                ))}
              </DataTable>
            </>
          )}
        </Stack>
      </Paper>

      {preview.data && (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">{t('members.import.mappingTitle')}</Title>
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
          <Text size="sm" mt="sm" c="dimmed">
            {unmapped.length ? t('members.import.notImported', { columns: unmapped.join(', ') }) : t('members.import.allColumnsImported')}
          </Text>
          <Button mt="md" onClick={() => check.mutate()} loading={check.isPending} disabled={mapping.legalName === undefined}>
            {t('members.import.check')}
          </Button>
          {check.isPending && !checking.task && <Text size="sm" mt="xs" role="status">{t('members.import.checking')}</Text>}
          <TaskProgress task={checking.task} onCancel={checking.cancel} cancelling={checking.cancelling} />
          <TaskCancelledNote error={check.error} />
          <ProblemAlert error={check.error} />
        </Paper>
      )}

      {report && !commit.isSuccess && (
        <ImportReportPanel
          report={report}
          decisions={decisions}
          onDecisions={setDecisions}
          fileDuplicates={fileDuplicates}
          onFileDuplicates={setFileDuplicates}
          onCommit={(skip) => commit.mutate(skip)}
          committing={commit.isPending}
          commitError={commit.error}
          commitProgress={<TaskProgress task={committing.task} onCancel={committing.cancel} cancelling={committing.cancelling} />}
          onDownload={() => download.mutate()}
          downloading={download.isPending}
          downloadError={download.error}
          onAddDistricts={(d) => addDistricts.mutate(d)}
          addingDistricts={addDistricts.isPending || (addDistricts.isSuccess && check.isPending)}
          addDistrictsError={addDistricts.error}
        />
      )}

      {commit.data && (
        <Alert color="teal" title={t('members.import.doneTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('members.import.done', commit.data)}</Text>
            {commit.data.rejected > 0 && (
              <>
                <Text size="sm">{t('members.import.doneRejected', { count: commit.data.rejected })}</Text>
                <Button w="fit-content" size="xs" variant="light" h="auto" py={6} styles={{ label: { whiteSpace: 'normal' } }} leftSection={<IconDownload size={16} />} loading={download.isPending} onClick={() => download.mutate()}>
                  {t('members.import.downloadRejected', { count: commit.data.rejected })}
                </Button>
                <ProblemAlert error={download.error} />
              </>
            )}
            <Group>
              <Button component={Link} to="/members" w="fit-content" size="xs">{t('nav.members')}</Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
