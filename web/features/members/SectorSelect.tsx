import { Select } from '@mantine/core';
import { useEffect, useState, type FocusEvent } from 'react';

type Option = { value: string; label: string };
let sectorOptions: Option[] | null = null;

/**
 * The sector picker, a file of its own so that Mantine's Select (the combobox,
 * its dropdown and floating-ui, about 25 kB compressed) comes with it and not
 * with the member form (MemberFields.tsx). ISIC's classes with their titles
 * (about 8 kB compressed) are not part of its code either (issue 14: "my firm"
 * on a phone): they come once the picker is on screen when a sector is chosen
 * (a person reads its title, not its code), else when the field gets focus or opens.
 */
export default function SectorSelect({ label, description, inputProps }: { label: string; description: string; inputProps: any }) {
  const [options, setOptions] = useState(sectorOptions);
  const load = () => {
    if (!options) void import('./isic-options.js').then((m) => setOptions((sectorOptions = m.isicClassOptions)), () => undefined);
  };
  const value: string | null = inputProps.value ?? null;
  // Once, for the sector the firm had when the form opened.
  useEffect(() => void (value && load()), []);
  const data = options ?? (value ? [{ value, label: value }] : []);
  return (
    <Select
      label={label}
      description={description}
      searchable
      clearable
      limit={50}
      data={data}
      {...inputProps}
      onFocus={(e: FocusEvent<HTMLInputElement>) => {
        load();
        inputProps.onFocus?.(e);
      }}
      onDropdownOpen={load}
    />
  );
}
