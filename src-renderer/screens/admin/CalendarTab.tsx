// Extra days off and extra working days, each with the ordinance that declared it (P§2.2), and a month view of
// the working calendar they make: what every deadline is counted on.
import { useMemo, useState } from 'react';
import { Alert, Box, Button, IconButton, MenuItem, Paper, Stack, TextField, Tooltip, Typography } from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import DeleteIcon from '@mui/icons-material/Delete';
import { addMonths, eachDayOfInterval, endOfMonth, format, getISODay, startOfMonth } from 'date-fns';
import { pl } from 'date-fns/locale';
import { ExtraDayInput } from '../../../src-shared/api/admin';
import { createWorkingCalendar, type DayDescription, type ExtraDay } from '../../../src-shared/calendar';
import { desktop } from '../../api/desktop-client';
import { errorText } from '../../hooks/use-desktop';
import { SearchTable } from './SearchTable';
import { fieldProps, useAdminStore, useForm } from './admin-state';

const blank = { date: '', kind: 'dayOff' as 'dayOff' | 'workingDay', reference: '', note: '' };
const WEEKDAYS = ['pon', 'wt', 'śr', 'czw', 'pt', 'sob', 'niedz'];

function dayWords(d: DayDescription): string {
  if (d.working) return d.extraDay ? `roboczy — ${d.extraDay.reference}` : 'roboczy';
  if (d.reason === 'holiday') return d.holiday;
  if (d.reason === 'extraDayOff') return `wolny — ${d.extraDay.reference}`;
  return 'weekend';
}

export function CalendarTab({ readOnly }: { readOnly: boolean }) {
  const { overview, load } = useAdminStore();
  const form = useForm(ExtraDayInput, blank);
  const [month, setMonth] = useState(() => startOfMonth(new Date()));
  const [problem, setProblem] = useState<string>();
  const extraDays = useMemo(() => overview?.extraDays ?? [], [overview]);
  const calendar = useMemo(() => createWorkingCalendar({ extraDays }), [extraDays]);
  const days = eachDayOfInterval({ start: month, end: endOfMonth(month) }).map((d) => calendar.describeDay(format(d, 'yyyy-MM-dd')));
  const working = days.filter((d) => d.working).length;

  const save = () =>
    form
      .submit(async (day) => {
        await desktop.call('admin.saveExtraDay', day as typeof blank);
        await load();
      })
      .then((ok) => ok && form.reset(blank));
  async function remove(date: string) {
    try {
      await desktop.call('admin.removeExtraDay', { date });
      await load();
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  return (
    <Stack sx={{ alignItems: 'flex-start' }} direction="row" spacing={3}>
      <Stack spacing={2} sx={{ flex: 1, minWidth: 0 }}>
        {!readOnly && (
          <Paper
            variant="outlined"
            sx={{ p: 2 }}
            component="form"
            onSubmit={(e) => (e.preventDefault(), void save())}
            aria-label="Nowy dzień szczególny"
          >
            <Stack sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }} direction="row" spacing={1.5} useFlexGap>
              <TextField
                size="small"
                type="date"
                label="Dzień"
                {...fieldProps(form, 'date')}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <TextField size="small" select label="Rodzaj" {...fieldProps(form, 'kind')} sx={{ width: 190 }}>
                <MenuItem value="dayOff">dodatkowo wolny</MenuItem>
                <MenuItem value="workingDay">dodatkowo roboczy</MenuItem>
              </TextField>
              <TextField
                size="small"
                label="Zarządzenie, które go ustanowiło"
                {...fieldProps(form, 'reference')}
                sx={{ flex: 1, minWidth: 260 }}
              />
              <TextField size="small" label="Uwagi" {...fieldProps(form, 'note')} />
              <Button type="submit" variant="contained" disabled={form.busy}>
                Zapisz dzień
              </Button>
            </Stack>
            {form.problem && <Alert severity="error">{form.problem}</Alert>}
          </Paper>
        )}
        {problem && <Alert severity="error">{problem}</Alert>}
        <SearchTable<ExtraDay>
          label="dni szczególne"
          rows={extraDays}
          keyOf={(d) => d.date}
          searchText={(d) => `${d.date} ${d.reference} ${d.note ?? ''}`}
          columns={[
            { label: 'Dzień', render: (d) => format(new Date(`${d.date}T12:00:00`), 'dd.MM.yyyy (EEEE)', { locale: pl }) },
            { label: 'Rodzaj', render: (d) => (d.kind === 'dayOff' ? 'wolny' : 'roboczy') },
            { label: 'Zarządzenie', render: (d) => d.reference },
            { label: 'Uwagi', render: (d) => d.note ?? '' },
            ...(readOnly
              ? []
              : [
                  {
                    label: '',
                    render: (d: ExtraDay) => (
                      <IconButton size="small" aria-label={`Usuń dzień ${d.date}`} onClick={() => void remove(d.date)}>
                        <DeleteIcon fontSize="inherit" />
                      </IconButton>
                    ),
                  },
                ]),
          ]}
        />
      </Stack>
      <Paper variant="outlined" sx={{ p: 2, width: 420, flexShrink: 0 }} aria-label="Kalendarz pracy">
        <Stack sx={{ alignItems: 'center' }} direction="row">
          <IconButton aria-label="Poprzedni miesiąc" onClick={() => setMonth((m) => addMonths(m, -1))}>
            <ChevronLeftIcon />
          </IconButton>
          <Typography sx={{ flex: 1, textAlign: 'center', fontWeight: 600 }}>{format(month, 'LLLL yyyy', { locale: pl })}</Typography>
          <IconButton aria-label="Następny miesiąc" onClick={() => setMonth((m) => addMonths(m, 1))}>
            <ChevronRightIcon />
          </IconButton>
        </Stack>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 0.5, mt: 1 }}>
          {WEEKDAYS.map((w) => (
            <Typography key={w} variant="caption" sx={{ textAlign: 'center', color: 'text.secondary' }}>
              {w}
            </Typography>
          ))}
          {Array.from({ length: getISODay(month) - 1 }, (_, i) => (
            <span key={`pad-${i}`} />
          ))}
          {days.map((d) => {
            const extra = d.working ? d.extraDay : d.reason === 'extraDayOff' ? d.extraDay : undefined;
            return (
              <Tooltip key={d.date} title={`${d.date.split('-').reverse().join('.')}: ${dayWords(d)}`}>
                <Box
                  data-date={d.date}
                  data-working={d.working}
                  sx={{
                    textAlign: 'center',
                    py: 0.75,
                    borderRadius: 1,
                    bgcolor: d.working ? '#e8f5e9' : '#f3f3f3',
                    color: d.working ? 'text.primary' : 'text.secondary',
                    outline: extra ? '2px solid #1565c0' : undefined,
                    fontWeight: extra ? 700 : 400,
                  }}
                >
                  {Number(d.date.slice(8))}
                  {!d.working && (
                    <Box component="span" sx={{ display: 'block', fontSize: 10 }}>
                      {d.reason === 'weekend' ? 'wolne' : d.reason === 'holiday' ? 'święto' : 'wolny*'}
                    </Box>
                  )}
                  {d.working && (
                    <Box component="span" sx={{ display: 'block', fontSize: 10 }}>
                      {extra ? 'roboczy*' : 'roboczy'}
                    </Box>
                  )}
                </Box>
              </Tooltip>
            );
          })}
        </Box>
        <Typography variant="body2" sx={{ mt: 1.5 }}>
          Dni robocze w miesiącu: <strong>{working}</strong>. * — dzień ustanowiony zarządzeniem (ramka).
        </Typography>
      </Paper>
    </Stack>
  );
}
