// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: pitch ok
// CHECK: 2D kernel ok
// CHECK: 3D kernel ok
// CHECK: PASSED
//
// Pitched memory as CUDA programs use it: cudaMallocPitch and cudaMalloc3D,
// kernels that index rows through the pitch (and slices through
// pitch * height), cudaMemcpy2D/3D in and out, cudaMemset2D/3D. Results
// are checked against a host computation, and the padding bytes between
// width and pitch, set to a sentinel first, must still hold it at the end:
// neither the copies nor the memsets may write there.
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      printf("CUDA error %s at %s:%d: %s\n", cudaGetErrorName(err_), __FILE__, \
             __LINE__, #call);                                                \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

static int Failures = 0;

static void check(bool ok, const char *what, long a, long b) {
  if (!ok && Failures++ < 10)
    printf("mismatch: %s at (%ld, %ld)\n", what, a, b);
}

// out[y][x] = 3 * in[y][x] + x - y, rows `pitch` bytes apart.
__global__ void scale2D(float *out, size_t outPitch, const float *in, size_t inPitch, int w,
                        int h) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x < w && y < h) {
    const float *inRow = (const float *)((const char *)in + y * inPitch);
    float *outRow = (float *)((char *)out + y * outPitch);
    outRow[x] = 3.0f * inRow[x] + (float)(x - y);
  }
}

// v[z][y][x] += x + 100 * y + 10000 * z through a cudaPitchedPtr.
__global__ void index3D(cudaPitchedPtr p, int w, int h, int d) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  int z = blockIdx.z;
  if (x < w && y < h && z < d) {
    char *slice = (char *)p.ptr + (size_t)z * p.pitch * p.ysize;
    int *row = (int *)(slice + (size_t)y * p.pitch);
    row[x] += x + 100 * y + 10000 * z;
  }
}

int main() {
  cudaDeviceProp prop;
  CUDA_CHECK(cudaGetDeviceProperties(&prop, 0));

  // --- 2D: a 70 x 45 float image.
  const int w = 70, h = 45;
  float *dIn, *dOut;
  size_t inPitch, outPitch;
  CUDA_CHECK(cudaMallocPitch((void **)&dIn, &inPitch, w * sizeof(float), h));
  CUDA_CHECK(cudaMallocPitch((void **)&dOut, &outPitch, w * sizeof(float), h));
  bool pitchOk = inPitch >= w * sizeof(float) && inPitch % prop.texturePitchAlignment == 0 &&
                 inPitch == outPitch;
  printf("pitch %s (%zu bytes for rows of %zu)\n", pitchOk ? "ok" : "WRONG", inPitch,
         w * sizeof(float));
  if (!pitchOk)
    Failures++;

  // Padding sentinel everywhere, then the image.
  CUDA_CHECK(cudaMemset(dOut, 0xEE, outPitch * h));
  std::vector<float> in(w * h);
  for (int i = 0; i < w * h; ++i)
    in[i] = (float)((i * 37) % 1001) * 0.5f;
  CUDA_CHECK(cudaMemcpy2D(dIn, inPitch, in.data(), w * sizeof(float), w * sizeof(float), h,
                          cudaMemcpyHostToDevice));
  dim3 block(16, 8), grid((w + 15) / 16, (h + 7) / 8);
  scale2D<<<grid, block>>>(dOut, outPitch, dIn, inPitch, w, h);
  CUDA_CHECK(cudaGetLastError());

  // Read the whole pitched block back: image bytes and padding.
  std::vector<unsigned char> raw(outPitch * h);
  CUDA_CHECK(cudaMemcpy(raw.data(), dOut, raw.size(), cudaMemcpyDeviceToHost));
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      float got;
      memcpy(&got, &raw[y * outPitch + x * sizeof(float)], sizeof(float));
      check(got == 3.0f * in[y * w + x] + (float)(x - y), "2D kernel", x, y);
    }
    for (size_t b = w * sizeof(float); b < outPitch; ++b)
      check(raw[y * outPitch + b] == 0xEE, "2D padding", (long)b, y);
  }

  // cudaMemset2D over columns 10..29 of rows 5..24, then a 2D copy back to
  // a tightly packed host image.
  CUDA_CHECK(cudaMemset2D((char *)dOut + 5 * outPitch + 10 * sizeof(float), outPitch, 0,
                          20 * sizeof(float), 20));
  std::vector<float> out(w * h);
  CUDA_CHECK(cudaMemcpy2D(out.data(), w * sizeof(float), dOut, outPitch, w * sizeof(float), h,
                          cudaMemcpyDeviceToHost));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      bool cleared = y >= 5 && y < 25 && x >= 10 && x < 30;
      float want = cleared ? 0.0f : 3.0f * in[y * w + x] + (float)(x - y);
      check(out[y * w + x] == want, "2D memset + copy", x, y);
    }
  CUDA_CHECK(cudaMemcpy(raw.data(), dOut, raw.size(), cudaMemcpyDeviceToHost));
  for (int y = 0; y < h; ++y)
    for (size_t b = w * sizeof(float); b < outPitch; ++b)
      check(raw[y * outPitch + b] == 0xEE, "2D padding after memset", (long)b, y);
  printf("2D kernel %s\n", Failures ? "FAILED" : "ok");

  // --- 3D: a 19 x 11 x 6 int volume.
  const int W = 19, H = 11, D = 6;
  cudaExtent ext = make_cudaExtent(W * sizeof(int), H, D);
  cudaPitchedPtr vol;
  CUDA_CHECK(cudaMalloc3D(&vol, ext));
  const size_t slice = vol.pitch * H;
  CUDA_CHECK(cudaMemset(vol.ptr, 0xCD, slice * D));
  CUDA_CHECK(cudaMemset3D(vol, 0, ext)); // Zeroes the volume, not the padding.
  // Seed a 5 x 4 x 3 sub-box at (2, 3, 1) from the host.
  std::vector<int> seed(5 * 4 * 3);
  for (size_t i = 0; i < seed.size(); ++i)
    seed[i] = 7 * (int)i + 1;
  cudaMemcpy3DParms up = {};
  up.srcPtr = make_cudaPitchedPtr(seed.data(), 5 * sizeof(int), 5, 4);
  up.dstPtr = vol;
  up.dstPos = make_cudaPos(2 * sizeof(int), 3, 1);
  up.extent = make_cudaExtent(5 * sizeof(int), 4, 3);
  up.kind = cudaMemcpyHostToDevice;
  CUDA_CHECK(cudaMemcpy3D(&up));
  index3D<<<dim3((W + 7) / 8, (H + 3) / 4, D), dim3(8, 4)>>>(vol, W, H, D);
  CUDA_CHECK(cudaGetLastError());

  // Back to a host volume with its own pitch (W + 3 ints) through
  // cudaMemcpy3DAsync on a stream.
  const int hw = W + 3;
  std::vector<int> host(hw * H * D, -1);
  cudaStream_t s;
  CUDA_CHECK(cudaStreamCreate(&s));
  cudaMemcpy3DParms down = {};
  down.srcPtr = vol;
  down.dstPtr = make_cudaPitchedPtr(host.data(), hw * sizeof(int), W, H);
  down.extent = ext;
  down.kind = cudaMemcpyDeviceToHost;
  CUDA_CHECK(cudaMemcpy3DAsync(&down, s));
  CUDA_CHECK(cudaStreamSynchronize(s));
  int failuresBefore3D = Failures;
  for (int z = 0; z < D; ++z)
    for (int y = 0; y < H; ++y) {
      for (int x = 0; x < W; ++x) {
        int want = x + 100 * y + 10000 * z;
        if (x >= 2 && x < 7 && y >= 3 && y < 7 && z >= 1 && z < 4)
          want += seed[((z - 1) * 4 + (y - 3)) * 5 + (x - 2)];
        check(host[(z * H + y) * hw + x] == want, "3D kernel", x, y * 1000 + z);
      }
      for (int x = W; x < hw; ++x)
        check(host[(z * H + y) * hw + x] == -1, "3D host padding", x, y * 1000 + z);
    }
  std::vector<unsigned char> rawVol(slice * D);
  CUDA_CHECK(cudaMemcpy(rawVol.data(), vol.ptr, rawVol.size(), cudaMemcpyDeviceToHost));
  for (int z = 0; z < D; ++z)
    for (int y = 0; y < H; ++y)
      for (size_t b = W * sizeof(int); b < vol.pitch; ++b)
        check(rawVol[z * slice + y * vol.pitch + b] == 0xCD, "3D device padding", (long)b,
              y * 1000 + z);
  printf("3D kernel %s\n", Failures > failuresBefore3D ? "FAILED" : "ok");

  CUDA_CHECK(cudaStreamDestroy(s));
  CUDA_CHECK(cudaFree(vol.ptr));
  CUDA_CHECK(cudaFree(dIn));
  CUDA_CHECK(cudaFree(dOut));
  if (Failures) {
    printf("FAILED (%d mismatches)\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
