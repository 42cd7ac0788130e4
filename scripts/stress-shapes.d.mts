export interface Shape {
  name: string;
  head?: string;
  tail?: string;
  unit: (i: number) => string;
}
export const SHAPES: Shape[];
export function generate(shape: Shape, size: number): string;
