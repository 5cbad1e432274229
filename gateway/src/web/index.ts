export { appRoutes, contentSecurityPolicy, safeReturnPath } from './app-routes';
export { webConfigFromEnv, webBuilt, DEFAULT_WEB_DIR, type WebConfig, type OidcClientConfig } from './web-config';
