/**
 * Small dense linear algebra for the exact PK engine: the matrix exponential of a linear compartment system
 * and the integral of it (for zero-order inputs). Matrices are row-major Float64Arrays of size n*n.
 */

export interface Propagator {
  /** State size. */
  n: number;
  /** Step length (min) the propagator advances. */
  dtMin: number;
  /** E = exp(A dt): the state after dt with no input. */
  transition: Float64Array;
  /** Phi = integral over [0, dt] of exp(A s) ds: the state after dt from a unit constant input rate. */
  inputIntegral: Float64Array;
}

function multiplyInto(a: Float64Array, b: Float64Array, m: number, out: Float64Array): Float64Array {
  out.fill(0);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j]! += aik * b[k * m + j]!;
    }
  }
  return out;
}

function normInf(a: Float64Array, m: number): number {
  let max = 0;
  for (let i = 0; i < m; i++) {
    let sum = 0;
    for (let j = 0; j < m; j++) sum += Math.abs(a[i * m + j]!);
    if (sum > max) max = sum;
  }
  return max;
}

/** exp(M) by scaling and squaring with a Taylor series on ||M/2^s|| <= 1/2 (truncation < 1e-20).
 *  Moler & Van Loan, "Nineteen dubious ways to compute the exponential of a matrix", SIAM Rev 2003. */
export function computeMatrixExponential(matrix: Float64Array, m: number): Float64Array {
  const norm = normInf(matrix, m);
  const squarings = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  const scale = 2 ** -squarings;
  const scaled = new Float64Array(m * m);
  for (let i = 0; i < m * m; i++) scaled[i] = matrix[i]! * scale;
  let result = new Float64Array(m * m);
  for (let i = 0; i < m; i++) result[i * m + i] = 1;
  let term = result.slice();
  let next = new Float64Array(m * m);
  for (let order = 1; order <= 30; order++) {
    multiplyInto(term, scaled, m, next);
    let termMax = 0;
    for (let i = 0; i < m * m; i++) {
      next[i]! /= order;
      result[i]! += next[i]!;
      termMax = Math.max(termMax, Math.abs(next[i]!));
    }
    [term, next] = [next, term];
    // m times the largest entry bounds the infinity norm of the term.
    if (termMax * m < 1e-20) break;
  }
  for (let s = 0; s < squarings; s++) {
    multiplyInto(result, result, m, next);
    [result, next] = [next, result];
  }
  return result;
}

/** E = exp(A dt) and Phi = integral_0^dt exp(A s) ds from one exponential of the block matrix [[A, I], [0, 0]] dt.
 *  Van Loan CF, "Computing integrals involving the matrix exponential", IEEE Trans Autom Control 1978;23:395. */
export function computePropagator(systemMatrix: Float64Array, n: number, dtMin: number): Propagator {
  const m = 2 * n;
  const block = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) block[i * m + j] = systemMatrix[i * n + j]! * dtMin;
    block[i * m + n + i] = dtMin;
  }
  const expBlock = computeMatrixExponential(block, m);
  const transition = new Float64Array(n * n);
  const inputIntegral = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      transition[i * n + j] = expBlock[i * m + j]!;
      inputIntegral[i * n + j] = expBlock[i * m + n + j]!;
    }
  }
  return { n, dtMin, transition, inputIntegral };
}
