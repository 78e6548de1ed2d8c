import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CHOICE_TYPES, QUESTION_TYPES, type Choice, type Question, type Translated } from '../../../contracts/surveys/form-model.js';
import { useLanguageName } from '../../app/reference.js';

const HAS_ANSWER = (type: Question['type']) => !['note', 'calculate', 'group', 'repeat'].includes(type);

/** One label in every language of the form, side by side. */
export function TranslatedInput({ label, value, languages, onChange, required }: { label: string; value: Translated | undefined; languages: string[]; onChange(v: Translated): void; required?: boolean }) {
  const languageName = useLanguageName(languages);
  return (
    <SimpleGrid cols={{ base: 1, sm: Math.min(languages.length, 3) }}>
      {languages.map((l, i) => (
        <TextInput
          key={l}
          label={`${label} (${languageName(l)})`}
          required={required && i === 0}
          value={value?.[l] ?? ''}
          onChange={(e) => {
            const next = { ...value, [l]: e.currentTarget.value };
            if (!e.currentTarget.value) delete next[l];
            onChange(next);
          }}
        />
      ))}
    </SimpleGrid>
  );
}

function ChoicesEditor({ title, choices, languages, onChange }: { title: string; choices: Choice[]; languages: string[]; onChange(c: Choice[]): void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">{title}</Text>
      {choices.map((c, i) => (
        <Group key={i} align="end" wrap="nowrap">
          <TextInput w={{ base: 88, xs: 140 }} label={t('surveys.value')} value={c.value} onChange={(e) => onChange(choices.map((x, j) => (j === i ? { ...x, value: e.currentTarget.value } : x)))} />
          <div style={{ flex: 1, minWidth: 0 }}>
            <TranslatedInput label={t('surveys.label')} languages={languages} value={c.label} onChange={(label) => onChange(choices.map((x, j) => (j === i ? { ...x, label } : x)))} />
          </div>
          <ActionIcon variant="subtle" color="red" aria-label={t('surveys.removeChoice', { value: c.value })} onClick={() => onChange(choices.filter((_, j) => j !== i))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => onChange([...choices, { value: `option_${choices.length + 1}`, label: {} }])}>
        {t('surveys.addChoice')}
      </Button>
    </Stack>
  );
}

export function newQuestion(existing: Set<string>, type: Question['type'] = 'text'): Question {
  let n = existing.size + 1;
  while (existing.has(`q${n}`)) n++;
  return { name: `q${n}`, type, label: {}, ...(type === 'group' || type === 'repeat' ? { children: [] } : {}) };
}

/** Edits one question; groups and repeats hold their own list of questions. */
export function QuestionEditor({
  question: q, languages, onChange, onRemove, onMove, problems, names, first, last,
}: {
  question: Question; languages: string[]; onChange(q: Question): void; onRemove(): void; onMove(by: number): void;
  problems: Map<string, string[]>; names: Set<string>; first: boolean; last: boolean;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch });
  const mine = problems.get(q.name) ?? [];
  return (
    <Paper withBorder p="sm" style={mine.length ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}>
      <Stack gap="xs">
        {/* On a phone the name and type take the whole width, and the row's buttons go below them. */}
        <Group justify="space-between" align="flex-start">
          <Group gap="xs" style={{ flex: '1 1 240px', minWidth: 0 }}>
            <TextInput w={{ base: '100%', xs: 160 }} label={t('surveys.name')} value={q.name} onChange={(e) => set({ name: e.currentTarget.value })} />
            <Select
              w={{ base: '100%', xs: 200 }}
              label={t('surveys.type')}
              allowDeselect={false}
              data={QUESTION_TYPES.map((v) => ({ value: v, label: t(`surveys.types.${v}`) }))}
              value={q.type}
              onChange={(v) => v && set({ type: v as Question['type'], ...(v === 'group' || v === 'repeat' ? { children: q.children ?? [] } : {}), ...(v === 'scale' && !q.scale ? { scale: { min: 1, max: 5 } } : {}) })}
            />
            {HAS_ANSWER(q.type) || q.type === 'repeat' ? <Checkbox mt="lg" label={t('surveys.required')} checked={!!q.required} onChange={(e) => set({ required: e.currentTarget.checked || undefined })} /> : null}
          </Group>
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="subtle" disabled={first} aria-label={t('surveys.moveUp', { name: q.name })} onClick={() => onMove(-1)}><IconArrowUp size={16} /></ActionIcon>
            <ActionIcon variant="subtle" disabled={last} aria-label={t('surveys.moveDown', { name: q.name })} onClick={() => onMove(1)}><IconArrowDown size={16} /></ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={t('surveys.removeQuestion', { name: q.name })} onClick={onRemove}><IconTrash size={16} /></ActionIcon>
          </Group>
        </Group>
        {q.type !== 'calculate' && <TranslatedInput label={t('surveys.label')} languages={languages} value={q.label} onChange={(label) => set({ label })} required />}
        {HAS_ANSWER(q.type) && <TranslatedInput label={t('surveys.hint')} languages={languages} value={q.hint} onChange={(hint) => set({ hint: Object.keys(hint).length ? hint : undefined })} />}
        {CHOICE_TYPES.includes(q.type) && <ChoicesEditor title={q.type === 'matrix' ? t('surveys.columns') : t('surveys.choices')} choices={q.choices ?? []} languages={languages} onChange={(choices) => set({ choices })} />}
        {q.type === 'matrix' && <ChoicesEditor title={t('surveys.rows')} choices={q.rows ?? []} languages={languages} onChange={(rows) => set({ rows })} />}
        {q.type === 'scale' && (
          <Group>
            <NumberInput w={120} label={t('surveys.scaleMin')} min={0} max={10} value={q.scale?.min ?? 1} onChange={(v) => set({ scale: { min: Number(v), max: q.scale?.max ?? 5 } })} />
            <NumberInput w={120} label={t('surveys.scaleMax')} min={1} max={100} value={q.scale?.max ?? 5} onChange={(v) => set({ scale: { min: q.scale?.min ?? 1, max: Number(v) } })} />
          </Group>
        )}
        {q.type === 'repeat' && <NumberInput w={200} label={t('surveys.maxRepeats')} min={1} max={100} value={q.maxRepeats ?? ''} onChange={(v) => set({ maxRepeats: v === '' ? undefined : Number(v) })} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('surveys.relevant')} description={t('surveys.relevantHelp')} value={q.relevant ?? ''} onChange={(e) => set({ relevant: e.currentTarget.value || undefined })} ff="monospace" />
          {HAS_ANSWER(q.type) && <TextInput label={t('surveys.constraint')} description={t('surveys.constraintHelp')} value={q.constraint ?? ''} onChange={(e) => set({ constraint: e.currentTarget.value || undefined })} ff="monospace" />}
          {q.type === 'calculate' && <TextInput label={t('surveys.calculation')} value={q.calculation ?? ''} onChange={(e) => set({ calculation: e.currentTarget.value || undefined })} ff="monospace" />}
        </SimpleGrid>
        {q.constraint && <TranslatedInput label={t('surveys.constraintMessage')} languages={languages} value={q.constraintMessage} onChange={(m) => set({ constraintMessage: Object.keys(m).length ? m : undefined })} />}
        {(q.type === 'group' || q.type === 'repeat') && (
          <Stack gap="xs" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
            <QuestionList questions={q.children ?? []} languages={languages} onChange={(children) => set({ children })} problems={problems} names={names} />
          </Stack>
        )}
        {mine.map((m) => <Text key={m} size="sm" c="red.9" role="alert">{m}</Text>)}
      </Stack>
    </Paper>
  );
}

export function QuestionList({ questions, languages, onChange, problems, names }: { questions: Question[]; languages: string[]; onChange(qs: Question[]): void; problems: Map<string, string[]>; names: Set<string> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {questions.map((q, i) => (
        <QuestionEditor
          key={i}
          question={q}
          languages={languages}
          problems={problems}
          names={names}
          first={i === 0}
          last={i === questions.length - 1}
          onChange={(next) => onChange(questions.map((x, j) => (j === i ? next : x)))}
          onRemove={() => onChange(questions.filter((_, j) => j !== i))}
          onMove={(by) => {
            const next = [...questions];
            [next[i], next[i + by]] = [next[i + by]!, next[i]!];
            onChange(next);
          }}
        />
      ))}
      <Button variant="light" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => onChange([...questions, newQuestion(names)])}>
        {t('surveys.addQuestion')}
      </Button>
    </Stack>
  );
}
