package org.actlab.core.analysis;

/**
 * What {@link GradientAnalysis} measures for one function.
 *
 * @param id                 catalog id
 * @param lo                 left end of the input range
 * @param hi                 right end of the input range
 * @param points             number of evenly spaced inputs
 * @param meanAbsGrad        mean of |f'(x)| over the range
 * @param maxAbsGrad         max of |f'(x)| over the range
 * @param vanishingFraction  share of the range where |f'(x)| &lt; 0.01
 * @param outMin             smallest f(x) over the range
 * @param outMax             largest f(x) over the range
 * @param gaussianMean       E f(Z), Z ~ N(0,1)
 * @param gaussianVariance   Var f(Z)
 * @param varianceGain       E f(Z)² / E Z²: the forward signal gain per layer (He et al. 2015's quantity; 1/2
 *                           for relu, which He initialisation's factor 2 compensates)
 * @param gradientGain       E f'(Z)²: the backward gain per layer
 */
public record GradientStats(String id, double lo, double hi, int points, double meanAbsGrad, double maxAbsGrad,
                            double vanishingFraction, double outMin, double outMax, double gaussianMean,
                            double gaussianVariance, double varianceGain, double gradientGain) {}
