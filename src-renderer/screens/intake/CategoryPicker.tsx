import { useEffect, useMemo, useState } from 'react';
import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import type { CategoryEntry } from '../../state/config-store';
import { searchCategories, type CategoryChoice } from '../../lib/category-search';
import { useDesktopQuery } from '../../hooks/use-desktop';
import { useConfigStore } from '../../state/config-store';

interface Props {
  id: string;
  categories: CategoryEntry[];
  value: CategoryChoice | null;
  onChange(choice: CategoryChoice | null): void;
  error?: string;
  autoFocus?: boolean;
  label?: string;
  /** Off where a category is optional (a split part keeps the original's unless given). */
  required?: boolean;
  size?: 'small' | 'medium';
  helperText?: string;
  /** In the form's Enter chain (enterMovesOn); an optional picker stays out of it, reached by Tab. */
  step?: boolean;
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
  required = true,
  size,
  helperText = 'Wpisz słowo, np. „dziura”, „latarnia”, „śmieci”; Enter wybiera.',
  step = true,
}: Props) {
  const [input, setInput] = useState(value?.label ?? '');
  useEffect(() => setInput(value?.label ?? ''), [value?.key, value?.label]);
  // What operators chose for these words before; the search works without it (a new workstation, an error).
  const usage = useDesktopQuery('categories.usage', {}).data;
  const groups = useConfigStore((st) => st.workstation?.directory.groups);
  // Where a choice goes by default: the operator sees the department before pressing Enter (P§13.2).
  const destination = (choice: CategoryChoice) => {
    const id = categories.find((c) => c.id === choice.categoryId)?.defaultCoordinatorGroupId;
    return id ? groups?.[id]?.name : undefined;
  };
  const options = useMemo(
    () => searchCategories(categories, value && input === value.label ? '' : input, 30, usage),
    [categories, input, value, usage],
  );
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
            {(option.hint || destination(option)) && (
              <Typography variant="caption" color="text.secondary" component="div">
                {destination(option) && <strong>→ {destination(option)}</strong>}
                {destination(option) && option.hint && ' · '}
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
          required={required}
          size={size}
          autoFocus={autoFocus}
          error={!!error}
          helperText={error ?? helperText}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, ...(step ? { 'data-step': true } : {}) } }}
        />
      )}
    />
  );
}
