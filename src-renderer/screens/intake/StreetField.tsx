import { useEffect, useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { desktop } from '../../api/desktop-client';
import { focusNextStep } from '../../lib/focus';

export interface StreetValue {
  id?: string;
  name: string;
}

interface Props {
  id: string;
  value: StreetValue | null;
  onChange(value: StreetValue | null): void;
  error?: string;
  label?: string;
}

const streetKey = (s: StreetValue) => s.id ?? s.name;

/** The street, from the city's street dictionary (TERYT ULIC) as the operator types; free text when it is not a street. */
export function StreetField({ id, value, onChange, error, label = 'Ulica (lub miejsce)' }: Props) {
  const [options, setOptions] = useState<StreetValue[]>([]);
  const [input, setInput] = useState(value?.name ?? '');
  const [unavailable, setUnavailable] = useState(false);
  const [open, setOpen] = useState(false);

  useEffect(() => setInput(value?.name ?? ''), [value?.name]);

  useEffect(() => {
    const text = input.trim();
    if (!text || (value?.id && value.name === input)) {
      setOptions([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      desktop.call('streets.search', { text }).then(
        (found) => live && (setOptions(found), setUnavailable(false)),
        () => live && (setOptions([]), setUnavailable(true)),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [input, value]);

  return (
    // Not freeSolo: Enter takes the highlighted street (MUI's freeSolo would commit the typed text);
    // a place outside the dictionary stays as typed (clearOnBlur off) and goes on as free text.
    <Autocomplete<StreetValue>
      id={id}
      autoHighlight
      clearOnBlur={false}
      open={open && options.length > 0}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      options={options}
      // Only a dictionary street is the selected value; free text lives in the input alone.
      value={value?.id ? value : null}
      inputValue={input}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => streetKey(a) === streetKey(b)}
      onInputChange={(_, text, reason) => {
        setInput(text);
        if (reason === 'input') {
          setOpen(true);
          onChange(text.trim() ? { name: text } : null);
        }
      }}
      onChange={(_, chosen, reason) => {
        onChange(chosen);
        const field = document.getElementById(id);
        if (reason === 'selectOption' && field) focusNextStep(field);
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          error={!!error}
          helperText={
            error ??
            (unavailable
              ? 'Słownik ulic jest teraz niedostępny — wpisz nazwę ręcznie.'
              : 'Słownik ulic Łodzi: Enter wybiera podpowiedź, Esc zostawia wpisany tekst.')
          }
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-step': true } }}
        />
      )}
    />
  );
}
