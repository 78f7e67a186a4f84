export declare const projectRoot: string;
export declare const MISSING_ELECTRON_MESSAGE: string;
export declare function electronBinaryPath(root?: string): string | null;
export declare function electronAvailable(root?: string): boolean;
export declare function electronVersion(root?: string): string;
