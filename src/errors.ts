/**
 * Errors whose message is written for the user. The CLI prints their message as it is;
 * anything else reaching the top is a bug and is reported as one.
 */
export class UserFacingError extends Error {
  readonly userFacing = true;
}

/** A setting that cannot work (a plain-http URL to a remote host, a missing token...). */
export class ConfigError extends UserFacingError {
  override name = 'ConfigError';
}
