// bench/kernels/omp.h - the OpenMP baselines of the kernel benchmarks, built
// by g++ -O3 -march=native -fopenmp (bench.py) and linked into the CUDA
// programs so that both variants run in one process, side by side.
#ifndef CUPORT_BENCH_KERNELS_OMP_H
#define CUPORT_BENCH_KERNELS_OMP_H

extern "C" {
void triad_omp(double *A, const double *B, const double *C, double S, long N);
float reduce_omp(const float *X, long N);
void sgemm_omp(const float *A, const float *B, float *C, int N);
void stencil_omp(const float *In, float *Out, int NX, int NY);
void histogram_omp(const unsigned char *Data, long N, unsigned *Bins);
void nbody_omp(const float *Pos, float *Acc, int N, float Soft2);
void scan_omp(const int *In, int *Out, long N);
}

#endif
