import { connectDesktop } from './transport';

/** The one desktop-API client of this window. */
export const desktop = connectDesktop();
