import { Alert, AlertTitle, Button, Stack } from '@mui/material';
import type { Refusal } from '../../../src-shared/ticket';

/** P§5.2: snow and ice are not registered; the shared rules' message says where the caller goes. */
export function SnowIceStop({ refusal, onNewCall, onOtherCategory }: { refusal: Refusal; onNewCall(): void; onOtherCategory(): void }) {
  return (
    <Alert severity="error" variant="outlined" role="alert" sx={{ fontSize: '1.1rem', borderWidth: 3 }}>
      <AlertTitle sx={{ fontSize: '1.3rem', fontWeight: 700 }}>Tego zgłoszenia nie rejestrujemy — zima na drogach i chodnikach</AlertTitle>
      {refusal.message}
      <Stack direction="row" spacing={1.5} sx={{ mt: 2 }}>
        <Button variant="contained" onClick={onNewCall} autoFocus>
          Nowe zgłoszenie (Alt+N)
        </Button>
        <Button variant="outlined" onClick={onOtherCategory}>
          Zmień kategorię
        </Button>
      </Stack>
    </Alert>
  );
}
