// Windows: print bytes through the spooler in RAW mode (winspool's OpenPrinter /
// StartDocPrinter "RAW" / WritePrinter), the printer's name in COUNTER_PRINTER
// and the bytes on stdin. Typed and kept thin: it cannot be tested on Linux.
export const WINDOWS_RAW_PRINT_SCRIPT = `
$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @'
using System; using System.Runtime.InteropServices;
public static class CounterRawPrint {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public class DOCINFO { public string pDocName; public string pOutputFile; public string pDataType; }
  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)] public static extern bool OpenPrinter(string name, out IntPtr h, IntPtr d);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool ClosePrinter(IntPtr h);
  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)] public static extern int StartDocPrinter(IntPtr h, int level, DOCINFO di);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool EndDocPrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool StartPagePrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool EndPagePrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool WritePrinter(IntPtr h, byte[] b, int n, out int written);
  public static void Send(string name, byte[] bytes) {
    IntPtr h; if (!OpenPrinter(name, out h, IntPtr.Zero)) throw new System.ComponentModel.Win32Exception();
    try {
      var di = new DOCINFO { pDocName = "Counter receipt", pDataType = "RAW" };
      if (StartDocPrinter(h, 1, di) == 0) throw new System.ComponentModel.Win32Exception();
      try {
        StartPagePrinter(h); int w;
        if (!WritePrinter(h, bytes, bytes.Length, out w) || w != bytes.Length) throw new System.ComponentModel.Win32Exception();
        EndPagePrinter(h);
      } finally { EndDocPrinter(h); }
    } finally { ClosePrinter(h); }
  }
}
'@
$ms = New-Object System.IO.MemoryStream
[Console]::OpenStandardInput().CopyTo($ms)
[CounterRawPrint]::Send($env:COUNTER_PRINTER, $ms.ToArray())
`
