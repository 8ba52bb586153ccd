import { createTheme } from '@mui/material/styles';
import { plPL } from '@mui/material/locale';

// Calm office colours, large enough type for long shifts; Polish texts for MUI's own components.
export const theme = createTheme(
  {
    palette: {
      primary: { main: '#1d4f91' },
      secondary: { main: '#b5121b' },
      background: { default: '#f3f5f8' },
    },
    typography: { fontFamily: 'Roboto, "Segoe UI", Arial, sans-serif' },
    shape: { borderRadius: 6 },
    // Sentence case reads better in Polish than capitals, and keeps shortcut hints legible.
    components: { MuiButton: { styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } } },
  },
  plPL,
);
