// cuDNN -> MIOpen where a call has the same arguments; the rest is kept and
// warned about (MIOpen's tensor descriptors, convolutions and softmax take
// different arguments).
// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=WARN %s < %t.err

// CHECK: #include <hip/hip_runtime.h>
#include <cudnn.h>
// CHECK: #include <miopen/miopen.h>
#include <cstdio>

int activation(float *x, float *y, int n) {
  cudnnHandle_t handle;
  // CHECK: miopenHandle_t handle;
  cudnnTensorDescriptor_t desc;
  // CHECK: miopenTensorDescriptor_t desc;
  cudnnActivationDescriptor_t act;
  // CHECK: miopenActivationDescriptor_t act;
  cudnnStatus_t s = cudnnCreate(&handle);
  // CHECK: miopenStatus_t s = miopenCreate(&handle);
  if (s != CUDNN_STATUS_SUCCESS)
  // CHECK: if (s != miopenStatusSuccess)
    printf("%s\n", cudnnGetErrorString(s));
    // CHECK: printf("%s\n", miopenGetErrorString(s));
  cudnnCreateTensorDescriptor(&desc);
  // CHECK: miopenCreateTensorDescriptor(&desc);
  cudnnSetTensor4dDescriptor(desc, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, 1, 1, 1, n);
  // CHECK: cudnnSetTensor4dDescriptor(desc, CUDNN_TENSOR_NCHW, miopenFloat, 1, 1, 1, n);
  // WARN: :[[@LINE-2]]:3: warning: function 'cudnnSetTensor4dDescriptor' has no HIP equivalent; left unchanged
  // WARN: :[[@LINE-3]]:36: warning: enumerator 'CUDNN_TENSOR_NCHW' has no HIP equivalent; left unchanged
  cudnnCreateActivationDescriptor(&act);
  // CHECK: miopenCreateActivationDescriptor(&act);
  cudnnActivationMode_t mode = CUDNN_ACTIVATION_RELU;
  // CHECK: miopenActivationMode_t mode = miopenActivationRELU;
  cudnnDataType_t dt = CUDNN_DATA_HALF;
  // CHECK: miopenDataType_t dt = miopenHalf;
  cudnnPoolingMode_t pool = CUDNN_POOLING_MAX;
  // CHECK: miopenPoolingMode_t pool = miopenPoolingMax;
  (void)mode;
  (void)dt;
  (void)pool;
  float alpha = 1.0f, beta = 0.0f;
  cudnnActivationForward(handle, act, &alpha, desc, x, &beta, desc, y);
  // CHECK: miopenActivationForward(handle, act, &alpha, desc, x, &beta, desc, y);
  cudnnDestroyActivationDescriptor(act);
  // CHECK: miopenDestroyActivationDescriptor(act);
  cudnnDestroyTensorDescriptor(desc);
  // CHECK: miopenDestroyTensorDescriptor(desc);
  cudnnDestroy(handle);
  // CHECK: miopenDestroy(handle);
  return s == CUDNN_STATUS_BAD_PARAM;
  // CHECK: return s == miopenStatusBadParm;
}

int main() { return 0; }

