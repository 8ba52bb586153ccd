import { Chip, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { formatWarsawDateTime } from '../../../src-shared/format';
import { useDesktopQuery } from '../../hooks/use-desktop';

/** The ticket's history in plain Polish (P§17.2, P§23.1): when, who, what. */
export function TicketHistory({ number }: { number: string }) {
  const { data, error } = useDesktopQuery('tickets.history', { number });
  return (
    <Paper sx={{ p: 2.5 }} component="section" aria-labelledby={`history-${number}`}>
      <Typography id={`history-${number}`} variant="h6" component="h3">
        Historia
      </Typography>
      {error && <Typography color="error">Nie udało się wczytać historii: {error}</Typography>}
      <List dense>
        {(data ?? []).map((line, index) => (
          <ListItem key={index} disableGutters alignItems="flex-start">
            <ListItemText
              primary={line.text}
              secondary={`${formatWarsawDateTime(line.at)} · ${line.actor}`}
              slotProps={{ primary: { variant: 'body2' } }}
            />
            {line.outage && <Chip size="small" variant="outlined" label="podczas awarii" sx={{ ml: 1 }} />}
            {line.pending && <Chip size="small" variant="outlined" label="czeka na wysłanie" sx={{ ml: 1 }} />}
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
