import { Box, Typography } from '@mui/material';

/** Keyboard shortcuts shown on screen, so nobody has to remember them. */
export function ShortcutHints({ items }: { items: [keys: string, what: string][] }) {
  return (
    <Box component="ul" aria-label="Skróty klawiszowe" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, listStyle: 'none', m: 0, p: 0 }}>
      {items.map(([keys, what]) => (
        <Typography component="li" variant="body2" key={keys} sx={{ color: 'text.secondary' }}>
          <Box
            component="kbd"
            sx={{
              px: 0.75,
              py: 0.25,
              border: 1,
              borderColor: 'grey.400',
              borderRadius: 1,
              bgcolor: 'background.paper',
              fontFamily: 'inherit',
              fontWeight: 700,
              color: 'text.primary',
            }}
          >
            {keys}
          </Box>{' '}
          {what}
        </Typography>
      ))}
    </Box>
  );
}
