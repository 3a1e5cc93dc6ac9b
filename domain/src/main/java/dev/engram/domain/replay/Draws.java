package dev.engram.domain.replay;

import java.util.Arrays;

/** The draws of one sample as they are made: slot, probability at the draw, importance-sampling weight. */
final class Draws {

    private int[] slots;
    private double[] probabilities;
    private double[] weights;
    private int size;

    Draws(int expected) {
        slots = new int[Math.max(expected, 1)];
        probabilities = new double[slots.length];
        weights = new double[slots.length];
    }

    void add(int slot, double probability, double weight) {
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, size * 2);
            probabilities = Arrays.copyOf(probabilities, size * 2);
            weights = Arrays.copyOf(weights, size * 2);
        }
        slots[size] = slot;
        probabilities[size] = probability;
        weights[size] = weight;
        size++;
    }

    int size() {
        return size;
    }

    int slot(int draw) {
        return slots[draw];
    }

    double probability(int draw) {
        return probabilities[draw];
    }

    double weight(int draw) {
        return weights[draw];
    }
}
