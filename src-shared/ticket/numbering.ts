// Who uses ticket numbers (P§8.2): those who may send a command that creates a ticket, as roles.ts says.
// The hub leases numbers only to them; a workstation asks only when its user is one of them.
import { isCreationCommand } from './commands';
import type { Actor, Directory } from './model';
import { allowedCommands } from './roles';

export function needsTicketNumbers(actor: Actor, directory: Directory): boolean {
  return allowedCommands(actor, null, directory).some(isCreationCommand);
}
