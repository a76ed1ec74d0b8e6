"""Writes a generated CUDA file of about argv[1] lines to stdout: kernels,
device functions and host code that allocates, copies and launches (each
unit has three runtime calls for cuport-translate to rename)."""
import sys

UNIT = '''__device__ float f{i}(float x, float y) {{
  float a = x * {i}.5f + y;
  return a > 0.0f ? a / (a + 1.0f) : a - x;
}}
__global__ void k{i}(const float *in, float *out, int n) {{
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t < n)
    out[t] = f{i}(in[t], float(t));
}}
void run{i}(const float *host, int n) {{
  float *in, *out;
  cudaMalloc(&in, n * sizeof(float));
  cudaMalloc(&out, n * sizeof(float));
  cudaMemcpy(in, host, n * sizeof(float), cudaMemcpyHostToDevice);
  k{i}<<<(n + 255) / 256, 256>>>(in, out, n);
  cudaFree(in);
  cudaFree(out);
}}
'''

lines = int(sys.argv[1])
sys.stdout.write('#include <cuda_runtime.h>\n')
for i in range(max(1, lines // UNIT.count('\n'))):
    sys.stdout.write(UNIT.format(i=i))
