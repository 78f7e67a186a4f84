/**
 * Danish messages for file-system failures of the store, by error code, in words a caseworker
 * understands (instead of "Der opstod en uventet fejl"). Reserved Windows names are caught before
 * they reach the disk (shared/store/filenames.ts); EINVAL/ENOENT on such a name is named here too.
 */
import { AppError } from '../../shared/errors';

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Whether a file name is one Windows refuses (CON, NUL, COM1 …, also "con.txt" and "CON .som"). */
export function isReservedWindowsName(fileName: string): boolean {
  const stem = fileName.split('.')[0]!.replace(/[ .]+$/, '');
  return RESERVED_WINDOWS.test(stem);
}

/** The Danish sentence for an error from node:fs; `what` says what failed ("Beregningen kunne ikke gemmes"). */
export function fsErrorMessage(e: unknown, what: string, fileName?: string): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `${what}: mappen eller filen er skrivebeskyttet, eller du har ikke adgang til den. Vælg en anden mappe (Skift mappe), eller bed jeres IT-afdeling om skriveadgang.`;
    case 'EBUSY':
      return `${what}: filen er åben i et andet program. Luk den dér, og prøv igen.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${what}: der er ikke mere plads på disken (eller drevet). Frigør plads, eller vælg en anden mappe, og prøv igen.`;
    case 'ENAMETOOLONG':
      return `${what}: navnet eller stien til mappen er for lang. Giv beregningen et kortere navn, eller vælg en mappe tættere på drevets rod.`;
    case 'EINVAL':
    case 'ENOENT':
      if (fileName !== undefined && isReservedWindowsName(fileName)) {
        return `${what}: «${fileName}» er et navn, Windows ikke tillader (fx CON, NUL, PRN, AUX, COM1, LPT1). Giv beregningen et andet navn.`;
      }
      return code === 'ENOENT'
        ? `${what}: mappen findes ikke (længere). Er netværksdrevet eller USB-nøglen koblet fra? Vælg mappen igen med Skift mappe.`
        : `${what}: navnet kan ikke bruges som filnavn. Giv beregningen et andet navn.`;
    case 'EMFILE':
    case 'ENFILE':
      return `${what}: computeren har for mange filer åbne lige nu. Luk nogle programmer, og prøv igen.`;
    case 'EIO':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'EHOSTDOWN':
      return `${what}: forbindelsen til drevet svigtede (netværksdrev?). Tjek forbindelsen, og prøv igen.`;
    default:
      return `${what}: filen kunne ikke skrives eller læses (${code ?? 'ukendt fejl'}). Prøv igen, eller vælg en anden mappe.`;
  }
}

/** Runs fn and turns a file-system error (anything but an AppError) into an AppError with a Danish message. */
export function withFsMessages<T>(what: string, fn: () => T, fileName?: string): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (e && typeof e === 'object' && 'code' in e && typeof (e as NodeJS.ErrnoException).code === 'string') {
      throw new AppError('unavailable', fsErrorMessage(e, what, fileName));
    }
    throw e;
  }
}
