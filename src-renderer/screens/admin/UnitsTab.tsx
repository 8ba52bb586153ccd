// Units (P§13, P§15): a department of the City Hall or a city agency, working in the app or not; one outside
// the app gets its tickets at the address given here.
import { useState } from 'react';
import { FormControlLabel, MenuItem, Switch, TextField } from '@mui/material';
import { AdminUnit } from '../../../src-shared/api/admin';
import { desktop } from '../../api/desktop-client';
import { FormDialog } from './FormDialog';
import { SearchTable } from './SearchTable';
import { fieldProps, KIND_LABELS, slugOf, useAdminStore, useForm } from './admin-state';

type UnitForm = { id: string; name: string; kind: 'department' | 'agency'; worksInApp: boolean; address: string; isNew: boolean };
const blank: UnitForm = { id: '', name: '', kind: 'department', worksInApp: true, address: '', isNew: true };

export function UnitsTab({ readOnly }: { readOnly: boolean }) {
  const { overview, load } = useAdminStore();
  const [open, setOpen] = useState(false);
  const form = useForm(AdminUnit, blank);
  const edit = (values: UnitForm) => {
    form.reset(values);
    setOpen(true);
  };
  const save = () =>
    form
      .submit(async (unit) => {
        await desktop.call('admin.saveUnit', unit as AdminUnit);
        await load();
      })
      .then((ok) => ok && setOpen(false));
  const v = form.values;
  return (
    <>
      <SearchTable
        label="jednostki"
        rows={overview?.units ?? []}
        keyOf={(u) => u.id}
        searchText={(u) => `${u.name} ${u.id} ${u.address ?? ''}`}
        onOpen={(u) => edit({ ...u, address: u.address ?? '', isNew: false })}
        onAdd={readOnly ? undefined : () => edit(blank)}
        addLabel="Dodaj jednostkę"
        columns={[
          { label: 'Nazwa', render: (u) => u.name },
          { label: 'Rodzaj', render: (u) => KIND_LABELS[u.kind] },
          { label: 'W aplikacji', render: (u) => (u.worksInApp ? 'tak' : 'nie — poza aplikacją') },
          { label: 'Adres dla zgłoszeń poza aplikacją', render: (u) => u.address ?? '—' },
          { label: 'Identyfikator', render: (u) => u.id },
        ]}
      />
      <FormDialog
        open={open}
        title={v.isNew ? 'Nowa jednostka' : `Jednostka: ${v.name}`}
        onClose={() => setOpen(false)}
        onSave={save}
        busy={form.busy}
        problem={form.problem}
        readOnly={readOnly}
      >
        <TextField
          label="Nazwa jednostki"
          {...fieldProps(form, 'name')}
          onChange={(e) => {
            form.set('name', e.target.value);
            if (v.isNew) form.set('id', slugOf(e.target.value));
          }}
          autoFocus
          required
        />
        <TextField label="Identyfikator (stały, w historii zgłoszeń)" {...fieldProps(form, 'id')} disabled={!v.isNew} required />
        <TextField select label="Rodzaj" {...fieldProps(form, 'kind')}>
          <MenuItem value="department">Komórka organizacyjna Urzędu Miasta</MenuItem>
          <MenuItem value="agency">Miejska jednostka organizacyjna</MenuItem>
        </TextField>
        <FormControlLabel
          control={<Switch checked={v.worksInApp} onChange={(e) => form.set('worksInApp', e.target.checked)} />}
          label="Pracuje w aplikacji (P§13.1)"
        />
        <TextField
          label="Adres, na który idą zgłoszenia obsługiwane poza aplikacją"
          {...fieldProps(form, 'address')}
          helperText={
            form.errors.address ?? 'E-mail lub adres ESP/pocztowy (P§13.3, P§15); wymagany, gdy jednostka nie pracuje w aplikacji.'
          }
          required={!v.worksInApp}
        />
      </FormDialog>
    </>
  );
}
