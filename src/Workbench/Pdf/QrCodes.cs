using QRCoder;

namespace HanoiWorkbench.Workbench.Pdf;

/// <summary>QR codes of the public links printed on receipts and ticket slips (ECC level M, 8 pixels a module).</summary>
public static class QrCodes
{
    public static byte[] Png(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }

    /// <summary>The PNG as a data: address for an &lt;img&gt; (the CSP allows data: images).</summary>
    public static string DataUri(string url) => "data:image/png;base64," + Convert.ToBase64String(Png(url));
}
