import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { peopleReachedKeys, pickPeopleReached } from '../people/api.js';

/** Someone of the people reached, found by name, phone or e-mail as it is typed. */
export function PersonPicker({ label, value, onChange, error }: { label: string; value: string | null; onChange(id: string | null): void; error?: string }) {
  const [q, setQ] = useState('');
  const people = useQuery({ queryKey: peopleReachedKeys.pick(q), queryFn: () => pickPeopleReached(q) });
  return (
    <Select label={label} searchable clearable value={value} onChange={onChange} onSearchChange={setQ} error={error} filter={({ options }) => options}
      data={(people.data?.items ?? []).map((p) => ({ value: p.id, label: [p.name, p.member?.name, p.phone || p.email].filter(Boolean).join(' · ') }))} />
  );
}
