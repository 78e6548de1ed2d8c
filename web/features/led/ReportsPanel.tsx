import { Button, FileInput, Group, Image, Modal, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCamera, IconPhoto, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTOS_PER_REPORT, type MeasureDetail, type ProgressPhoto, type ProgressReport } from '../../../contracts/led-implementation.js';
import { ApiError } from '../../app/api.js';
import { formatDate, orgToday } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EditRemove } from '../../ui/EditRemove.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Form } from '../../ui/Form.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { wrap } from '../../ui/wrap.js';
import { addMeasurePart, addReportPhoto, ledKeys, removeMeasurePart, removeReportPhoto, reportPhotoUrl, updateMeasurePart } from './api.js';
import { useMeasureChange } from './use-measure-change.js';

/** The server's own limit (platform/files/photo.ts), checked here first so a phone does not send 30 MB for nothing. */
const MAX_PHOTO_MB = 20;
const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

function ReportForm({ measure, report, onDone }: { measure: MeasureDetail; report: ProgressReport | null; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ reportedOn: report?.reportedOn ?? orgToday(), text: report?.text ?? '' });
  const save = useMeasureChange(measure.id, () => (report ? updateMeasurePart(measure.id, 'reports', report.id, v) : addMeasurePart(measure.id, 'reports', v)), onDone);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <InlineForm onSubmit={() => save.mutate([])} onCancel={onDone} saving={save.isPending} error={save.error}>
      <TextInput label={t('led.impl.reportedOn')} type="date" required value={v.reportedOn} error={errors.reportedOn} onChange={(e) => setV({ ...v, reportedOn: e.currentTarget.value })} />
      <Textarea label={t('led.impl.reportText')} required autosize minRows={3} value={v.text} error={errors.text} onChange={(e) => setV({ ...v, text: e.currentTarget.value })} />
    </InlineForm>
  );
}

/** The larger copy of one photo, over the page (the whole screen on a phone), with its caption and, for staff, its removal. */
function PhotoViewer({ measure, photo, onClose }: { measure: MeasureDetail; photo: ProgressPhoto; onClose(): void }) {
  const { t } = useTranslation();
  const can = useCan();
  const phone = useMediaQuery('(max-width: 40em)');
  const remove = useMeasureChange(measure.id, () => removeReportPhoto(measure.id, photo.id), onClose);
  return (
    <Modal opened onClose={onClose} fullScreen={phone} size="xl" title={photo.caption || t('led.impl.photo')}>
      <Stack gap="sm">
        <Image src={reportPhotoUrl(measure.id, photo.id, 'large')} alt={photo.caption || t('led.impl.photo')} w="100%" h="auto" fit="contain" mah="75vh"
          style={{ aspectRatio: `${photo.width} / ${photo.height}` }} />
        <ProblemAlert error={remove.error} />
        {can('led.manage') && (
          <Group justify="flex-end">
            <ConfirmButton label={t('led.impl.removePhoto')} leftSection={<IconTrash size={16} />} size="sm" mih={44} question={t('led.impl.removePhotoQuestion')} onConfirm={() => remove.mutateAsync([])} />
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

/** A photo added to a report from the phone's camera or files, with a caption. */
function AddPhoto({ measure, report, onDone }: { measure: MeasureDetail; report: ProgressReport; onDone(): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const add = useMeasureChange(measure.id, (f: File) => addReportPhoto(measure.id, report.id, f, caption), onDone);
  const tooLarge = file !== null && file.size > MAX_PHOTO_MB * 1024 * 1024;
  const errors = add.error instanceof ApiError ? add.error.fieldErrors : {};
  return (
    <Form onSubmit={() => file && !tooLarge && add.mutate([file])} gap="xs">
      <Group align="flex-end" wrap="wrap" gap="xs">
        <FileInput style={{ flex: '1 1 200px' }} leftSection={<IconPhoto size={16} />} accept={PHOTO_TYPES} label={t('led.impl.photo')} required
          description={t('led.impl.photoLimit', { max: MAX_PHOTOS_PER_REPORT, mb: MAX_PHOTO_MB })} value={file} onChange={setFile} clearable
          error={tooLarge ? t('errors.photo.too_large', { max: MAX_PHOTO_MB }) : errors.file} />
        <TextInput style={{ flex: '2 1 200px' }} label={t('led.impl.photoCaption')} maxLength={300} value={caption} error={errors.caption} onChange={(e) => setCaption(e.currentTarget.value)} />
      </Group>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" mih={44} onClick={onDone}>{t('ui.confirm.cancel')}</Button>
        <Button type="submit" mih={44} disabled={!file || tooLarge} loading={add.isPending}>{t('led.impl.upload')}</Button>
      </Group>
      <ProblemAlert error={add.error} />
    </Form>
  );
}

/** A report's photos as thumbnails (light on a phone's data), each opening the larger copy. */
function ReportPhotos({ measure, report }: { measure: MeasureDetail; report: ProgressReport }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState<ProgressPhoto | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="xs">
      {report.photos.length > 0 && (
        <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs">
          {report.photos.map((p, i) => (
            <UnstyledButton key={p.id} onClick={() => setOpen(p)} aria-label={t('led.impl.openPhoto', { caption: p.caption || t('led.impl.photoNumber', { n: i + 1 }) })} mih={44}>
              <Image src={reportPhotoUrl(measure.id, p.id, 'thumb')} alt={p.caption} loading="lazy" radius="sm" w="100%" fit="cover" style={{ aspectRatio: '1 / 1' }} />
            </UnstyledButton>
          ))}
        </SimpleGrid>
      )}
      {can('led.manage') && report.photos.length < MAX_PHOTOS_PER_REPORT && (adding
        ? <AddPhoto measure={measure} report={report} onDone={() => setAdding(false)} />
        : <Group><Button variant="light" mih={44} leftSection={<IconCamera size={16} />} onClick={() => setAdding(true)}>{t('led.impl.addPhoto')}</Button></Group>)}
      {open && <PhotoViewer measure={measure} photo={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

/** A measure's dated progress reports, each with up to six photos. */
export function ReportsPanel({ measure }: { measure: MeasureDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<ProgressReport | 'new' | null>(null);
  const remove = async (r: ProgressReport) => queryClient.setQueryData(ledKeys.measure(measure.id), await removeMeasurePart(measure.id, 'reports', r.id));
  return (
    <Stack>
      {can('led.manage') && editing === null && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('led.impl.addReport')}</Button></Group>}
      {editing === 'new' && <ReportForm measure={measure} report={null} onDone={() => setEditing(null)} />}
      {!measure.reports.length && editing === null && <EmptyState>{t('led.impl.noReports')}</EmptyState>}
      {measure.reports.map((r) => (editing !== 'new' && editing?.id === r.id ? <ReportForm key={r.id} measure={measure} report={r} onDone={() => setEditing(null)} /> : (
        <Paper key={r.id} withBorder p="sm">
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <Stack gap={2} style={{ ...wrap, flex: '1 1 200px' }}>
                <Text fw={600}>{formatDate(r.reportedOn)}</Text>
                <Text size="sm" style={{ ...wrap, whiteSpace: 'pre-wrap' }}>{r.text}</Text>
              </Stack>
              {can('led.manage') && (
                <EditRemove onEdit={() => setEditing(r)} onRemove={() => remove(r)}
                  question={r.photos.length ? t('led.impl.removeReportWithPhotosQuestion', { date: formatDate(r.reportedOn), count: r.photos.length }) : t('led.impl.removeReportQuestion', { date: formatDate(r.reportedOn) })} />
              )}
            </Group>
            <ReportPhotos measure={measure} report={r} />
          </Stack>
        </Paper>
      )))}
    </Stack>
  );
}
