/** An environment variable as given: unset and empty both mean "not given". */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
