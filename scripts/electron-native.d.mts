export declare function electronAbi(electronPath: string): string;
export declare function nativeBindingTarget(root: string, abi: string): string;
export declare function ensureElectronNativeBinding(
  electronPath: string,
  opts?: { root?: string; log?: (msg: string) => void },
): Promise<string>;
