import { Button, Grid, Group, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DecisionMakerInput } from '../../../contracts/decision-makers.js';
import { ApiError } from '../../app/api.js';
import { Form } from '../../ui/Form.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';

/** A decision-maker's name and how to reach them; the server's messages show beside each field. */
export function PersonForm({ value, onChange, onSubmit, onCancel, pending, error, submitLabel }: {
  value: DecisionMakerInput; onChange(v: DecisionMakerInput): void; onSubmit(): void; onCancel(): void; pending: boolean; error: unknown; submitLabel: string;
}) {
  const { t } = useTranslation();
  const errors = error instanceof ApiError ? error.fieldErrors : {};
  const field = (name: keyof DecisionMakerInput) => ({
    value: value[name], error: errors[name],
    onChange: (e: { currentTarget: { value: string } }) => onChange({ ...value, [name]: e.currentTarget.value }),
  });
  return (
    <Form onSubmit={onSubmit} gap="sm">
      <Grid>
        <Grid.Col span={{ base: 12, sm: 4 }}><TextInput label={t('decisionMakers.honorific')} placeholder={t('decisionMakers.honorificHint')} {...field('honorificPrefix')} /></Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}><TextInput label={t('decisionMakers.name')} required data-autofocus {...field('name')} /></Grid.Col>
      </Grid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="email" label={t('decisionMakers.email')} {...field('email')} />
        <TextInput type="tel" label={t('decisionMakers.phone')} {...field('phone')} />
      </SimpleGrid>
      <Textarea label={t('decisionMakers.notes')} autosize minRows={2} {...field('notes')} />
      <ProblemAlert error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>{t('ui.confirm.cancel')}</Button>
        <Button type="submit" loading={pending}>{submitLabel}</Button>
      </Group>
    </Form>
  );
}
