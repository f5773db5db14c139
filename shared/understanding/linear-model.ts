/**
 * The shape the learned models ship in (`clause-judge-model.json`, `decline-gate-model.json`,
 * `entry-reranker-model.json`): a logistic regression over named features.
 */
export interface LinearModel {
  features: string[];
  weights: number[];
  bias: number;
}

/**
 * The model's weights by feature name. A malformed model (lists of different length, a weight or
 * bias that is not a finite number) fails here, when the module loads, rather than turning every
 * likelihood into NaN.
 */
export function weightsOf(model: LinearModel): Map<string, number> {
  if (model.features.length !== model.weights.length)
    throw new Error(`model has ${model.features.length} features but ${model.weights.length} weights`);
  if (!Number.isFinite(model.bias)) throw new Error('model bias is not a finite number');
  const weights = new Map<string, number>();
  model.features.forEach((feature, i) => {
    const weight = model.weights[i]!;
    if (!Number.isFinite(weight)) throw new Error(`model weight of ${JSON.stringify(feature)} is not finite`);
    weights.set(feature, weight);
  });
  return weights;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The distinct character n-grams of `text`, for n from `min` to `max` (features of the learned models). */
export function characterNgrams(text: string, min: number, max: number): Set<string> {
  const chars = [...text];
  const out = new Set<string>();
  for (let n = min; n <= max; n++)
    for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}
