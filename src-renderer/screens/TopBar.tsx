import { AppBar, Box, Toolbar, Typography } from '@mui/material';
import BuildCircleIcon from '@mui/icons-material/BuildCircle';
import { useAppStore } from '../state/app-store';
import { ConnectionChip } from './ConnectionChip';

export function TopBar() {
  const { connection, user } = useAppStore();
  return (
    <AppBar position="static" elevation={0}>
      <Toolbar sx={{ gap: 2 }}>
        <BuildCircleIcon fontSize="large" aria-hidden />
        <Box sx={{ flex: 1 }}>
          <Typography variant="h6" component="h1" sx={{ lineHeight: 1.1 }}>
            Usterka
          </Typography>
          <Typography variant="caption" sx={{ opacity: 0.85 }}>
            Zgłoszenia mieszkańców · Urząd Miasta Łodzi
          </Typography>
        </Box>
        {user && <Typography variant="body2">{user.displayName}</Typography>}
        <ConnectionChip connection={connection} />
      </Toolbar>
    </AppBar>
  );
}
