/** The application version shown on screens and reported by the hub; keep in step with package.json. */
export const APP_VERSION = '0.1.0';
