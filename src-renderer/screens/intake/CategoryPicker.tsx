import { useEffect, useMemo, useState } from 'react';
import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import type { CategoryEntry } from '../../state/config-store';
import { searchCategories, type CategoryChoice } from '../../lib/category-search';

interface Props {
  id: string;
  categories: CategoryEntry[];
  value: CategoryChoice | null;
  onChange(choice: CategoryChoice | null): void;
  error?: string;
  autoFocus?: boolean;
  label?: string;
}

/** Category search as you type (P§7): "smieci" finds "Śmieci", "latarnia" finds street lighting. */
export function CategoryPicker({
  id,
  categories,
  value,
  onChange,
  error,
  autoFocus,
  label = 'Kategoria — czego dotyczy zgłoszenie?',
}: Props) {
  const [input, setInput] = useState(value?.label ?? '');
  useEffect(() => setInput(value?.label ?? ''), [value?.key, value?.label]);
  const options = useMemo(() => searchCategories(categories, value && input === value.label ? '' : input), [categories, input, value]);
  return (
    <Autocomplete<CategoryChoice>
      id={id}
      options={options}
      value={value}
      inputValue={input}
      onInputChange={(_, text) => setInput(text)}
      onChange={(_, choice) => onChange(choice)}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.label}
      isOptionEqualToValue={(a, b) => a.key === b.key}
      autoHighlight
      noOptionsText="Brak kategorii pasującej do wpisanego tekstu"
      renderOption={({ key, ...props }, option) => (
        <Box component="li" key={key} {...props}>
          <Box>
            <Typography>{option.label}</Typography>
            {option.hint && (
              <Typography variant="caption" color="text.secondary">
                {option.hint}
              </Typography>
            )}
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required
          autoFocus={autoFocus}
          error={!!error}
          helperText={error ?? 'Wpisz słowo, np. „dziura”, „latarnia”, „śmieci”; Enter wybiera.'}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-step': true } }}
        />
      )}
    />
  );
}
