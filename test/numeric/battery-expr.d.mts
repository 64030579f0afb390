export function compileBatteryExpr(src: string): (x: number) => number;
export function batteryLimit(src: string): number;
