import { Box, Typography } from '@mui/material';

/** A ticket number to read back to the caller (P§8.2): large, monospaced, digits grouped for the eye. */
export function TicketNumber({ number, size = 'large' }: { number: string; size?: 'large' | 'medium' }) {
  const [year, serial] = number.split('/');
  const spoken = serial ? `${serial.slice(0, 3)} ${serial.slice(3)}` : number;
  return (
    <Box>
      <Typography
        component="p"
        data-testid="ticket-number"
        sx={{
          fontFamily: '"Roboto Mono", Consolas, "Courier New", monospace',
          fontWeight: 700,
          fontSize: size === 'large' ? '3.4rem' : '2rem',
          lineHeight: 1.1,
          letterSpacing: '0.06em',
          color: 'primary.dark',
        }}
      >
        {number}
      </Typography>
      {size === 'large' && (
        <Typography variant="body2" color="text.secondary">
          Czytaj: rok {year}, numer {spoken}
        </Typography>
      )}
    </Box>
  );
}
