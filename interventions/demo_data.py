"""KANG MAS MESRA as its source document states it (seed/000_8a49328274fe4ab5.txt).

Text is verbatim; paragraphs the document repeats (copy-paste artefacts) are
kept once. The document gives no dates, seksi or sasaran for its 16
cross-sector interventions: they carry the innovation's implementation date
(2022-04-01) and the fungsi keluarga / sasaran their title names.
"""

NAMA = "KANG MAS MESRA"
KEPANJANGAN = "Kampung Keluarga Berkualitas Masyarakat Sejahtera"

TUJUAN_UMUM = (
    "Meningkatkan kualitas hidup masyarakat di tingkat kampung atau yang setara melalui program "
    "kependudukan, keluarga berencana dan pembangunan keluarga serta pembangunan sektor terkait "
    "dalam rangka mewujudkan keluarga kecil berkualitas"
)
TUJUAN_KHUSUS = [
    "Meningkatkan peran pemerintah, pemerintah daerah, lembaga non pemerintah dan swasta dalam "
    "memfasilitasi, pendampingan dan pembinaan masyarakat untuk menyelenggarakan Program "
    "Kependudukan, Keluarga Berencana, Pembangunan Keluarga dan Pembangunan sektor terkait;",
    "Meningkatkan kesadaran masyarakat tentang pembangunan berwawasan kependudukan;",
    "Meningkatkan jumlah peserta KB aktif modern;",
    "Meningkatkan ketahanan keluarga melalui program Bina Keluarga Balita (BKB), Bina Keluarga "
    "Remaja (BKR), Bina Keluarga Lansia (BKL), dan Pusat Informasi dan Konseling (PIK) Remaja;",
    "Meningkatkan sanitasi dan lingkungan kampung yang sehat dan bersih",
    "Meningkatkan kualitas keimanan para remaja/mahasiswa dalam kegiatan keagamaan (pesantren, "
    "kelompok ibadah/kelompok doa/ceramah keagamaan) di kelompok PIK KRR/remaja",
    "Meningkatkan rasa kebangsaan dan cinta tanah air para remaja/mahasiswa dalam kegiatan sosial "
    "budaya (festival seni dan budaya, dan lain-lain) di kelompok PIK KRR/mahasiswa dan "
    "seterusnya.",
    "Meningkatkan pemberdayaan keluarga melalui Kelompok UPPKS",
    "Menurunkan angka Kekerasan Dalam Rumah Tangga (KDRT);",
    "Meningkatkan derajat kesehatan masyarakat;",
    "Meningkatkan rata-rata lama sekolah penduduk usia sekolah;",
    "Meningkatkan sarana dan prasarana pembangunan kampung",
]
MANFAAT = (
    "Kampung KB menjadi miniatur atau gambaran dari sebuah desa yang didalamnya terdapat "
    "keterpaduan dari program pembangunan kependudukan,KB, dan Pembangunan Keluarga yang "
    "dienergikan dengan program pembangunan sektor terkait yang dilaksanakan secara sistemik dan "
    "sistematis, sehingga wadah Kampung KB ini dapat kita jadikan sebagai wahana pemberdayaan "
    "masyarakat melalui berbagai macam program yang mengarah pada upaya perubahan sikap perilaku "
    "dan cara berpikir(mindset) masyarakat kearah yang lebih baik sehingga kampung yang tadinya "
    "tertinggal dan terbelakang dapat sejajar dengan kampung-kampung lainnya. Masyarakat yang "
    "tadinya tidak memiliki kegiatan dapat bergabung dengan poktan-poktan yang ada, keluarga yang "
    "tadinya tidak memiliki usaha dapat bergabung menjadi anggota UPPKS yang ada."
)
HASIL = (
    "Kampung KB sebagai wahana pemberdayaan masyarakat bukanlah sesuatu yang mustahil, dan untuk "
    "mewujudkan harapan tersebut tidak cukup hanya dengan membuat kesepakatan atau komitmen "
    "diatas kertas, namun perlu ketekunan, kesabaran, kebersamaan serta kerja keras yang "
    "diaplikasikan dalam wujud nyata, lebih-lebih membangun masyarakat pinggiran. Tapi dengan "
    "kebersamaan pasti semuanya akan lebih mudah diatasi, karena membangun masyarakat dari "
    "pinggiran bukanlah sematamata harapan, melainkan lebih kepada bagaimana memposisikan Program "
    "KB sebagai upaya membangun kesejahteraan dengan prioritas masyarakat yang membutuhkan uluran "
    "tangan dari pemerintah"
)
RANCANG_BANGUN = [
    "Dengan disahkannya Undang-Undang Nomor 52 tahun 2009 tentang Perkembangan Kependudukan dan "
    "Pembangunan Keluarga sebagai dasar pelaksanaan Program Kependudukan dan Keluarga Berencana "
    "menekankan kewenangan Badan Kependudukan dan Keluarga Berencana Nasional (BKKBN) tidak hanya "
    "terbatas pada masalah Pembangunan Keluarga Berencana dan Keluarga Sejahtera saja namun juga "
    "menyangkut masalah pengendalian penduduk. Keluarga Berencana adalah upaya mengatur kelahiran "
    "anak, jarak dan usia ideal melahirkan, mengatur kehamilan, melalui promosi, perlindungan dan "
    "bantuan sesuai dengan hak-hak reproduksi untuk mewujudkan keluarga berkualitas (UU "
    "Kependudukan Nomor 52 tahun 2009).",
    "Seperti banyak desa-desa di Indonesia, dulunya masalah kependudukan dan kesehatan reproduksi "
    "menjadi hal yang penting di Desa Pondok Batu. Kelahiran yang tidak terencana dan kelahiran "
    "pada usia yang terlalu muda atau terlalu tua seringkali mengakibatkan dampak yang merugikan "
    "bagi keluarga dan masyarakat secara keseluruhan. Untuk mengatasi masalah ini, pemerintah desa "
    "bekerja sama dengan organisasi kesehatan dan keluarga berencana serta pihak terkait lainnya "
    "mencoba untuk memulai program Kampung KB.",
    "Sebagai Kampung KB yang terus berbenah dan tumbuh dan menjalani bimbingan serta pembinaan "
    "dari pihakpihak terkait, Kampung KB Desa Pondok Batu mememiliki visi Menjadi pelopor bagi "
    "terwujudnya Keluarga kecil yang sejahtera dan berkualitas di Kecamatan Bilah Hulu pada "
    "umumnya dan desa Pondok Batu pada khususnya. Untuk memudahkan pencapaian visi maka Kampung "
    "KB Desa Pondok batu juga memiliki misi sebagai berikut (1) Membentuk kepengurusan Kampung KB "
    "yang dikukuhkan dengan keputusan, (2) Menyiapkan sasaran pembinaan yang terdiri dari :Para "
    "keluarga yang mempunyai anak Balita, Remaja, dan Lansia serta PIK Remaja dan Kelompok "
    "Kegiatan lainnya, (3) Menyiapkan Metode dan Materi Pembinaan serta Penyuluhan kepada "
    "sasaran, (4) Melaksanakan pembinaan sesuai dengan metode dan materi yang sudah dipersiapkan, "
    "(5) Menyelenggarakan kegiatan administrantif dan dokumentasi serta (6) Melakukan monitoring "
    "dan evaluasi. Sebagai bagian dari Daerah Kabupaten Labuhanbatu, visi dan misi Kampuang KB "
    "Desa Pondok Batu senantiasa sejalan dengan visi misi daerah dengan tagline "
    "#BOLOLABUHANBATU.",
    "Capaian Kampung KB Desa Pondok Batu sangat dipengaruhi oleh beberapa faktor, seperti faktor "
    "pendukung dan faktor penghambat. Adapun faktor pendukung Kampung KB Desa Pondok Batu "
    "diantaranya (1) Adanya Kader IMP (PPKBD/SUB PPKBD), (2) Adanya data Penduduk dan Keluarga, "
    "(3) Adanya PKB, (4) Adanya Bidan Desa, (5) Dukungan Toga dan Toma, (6) Adanya Fasilitas "
    "Jalan, (7) Dukungan ADD, (8) Adanya Sekolah (SD dan TK/PAUD), (9) Adanya Posyandu, (10) "
    "Adanya Kader dan (11) Potensi Desa (Kampung KB Terbaik Tingkat Labuhanbatu, Pendidikan ( SD "
    "/Paud ), Wisata water boom, Gor Badminton, Karang Taruna, Posyandu Terintegrasi, UKM : "
    "Piring dan lidi hias, tas dari barang bekas, Kuliner : Keripik Pisang, kerupuk semprong, "
    "kue, dan bolu kering, Home Industry : Pembuatan tahu, tempe, dan rengginang, Pasar Rakyat "
    "(Pasar Murah), Dashat (Dapur Sehat Atasi Stunting), Jaringan seluler bersama, Budikdamber, "
    "Perpustakaan Desa, PAUD-HI, Adanya Poktan TRI BINA (BKB,BKR,BKL,UPPKA,PIK-R), Lukisan "
    "Mural, Kampung Nusa dan Kampung Moderasi).",
    "Sedangkan untuk faktor penghambat di Kampung KB Desa Pondok Batu adalah sebagai berikut (1) "
    "Tingkat pendidikan Masyarakat masih rendah, (2) Operasional Kader masih rendah, (3) Tingkat "
    "Pendidikan Kader yang masih rendah, (4) Keterlibatan para tokoh dalam setiap kegiatan "
    "poktan masih kurang, (5) Jumlah penduduk tinggi dengan kualitas rendah, (6) Kondisi "
    "lingkungan yang belum tertata dengan baik, (7) Tingkat semangat atau partisipasi masyarakat "
    "tidak stabil, (8) Tingkat pengangguran masih tinggi dan (9) Tingkat penelantaran keluarga "
    "masih tinggi.",
    "Kampung KB Pondok Batu tentunya tidak akan berjalan sampai sejauh ini tanpa adanya "
    "interfensi dari pihak-pihak terkait. Adapaun Intervensi yang merupakan Integrasi Lintas "
    "Sektor sebagai berikut (1) Pelatihan budidaya ikan lele : (Dinas Perikanan, Pemerintah "
    "Daerah/Desa), (2) Budikdamber yaitu Budidaya Ikan Dalam Ember : (OPD Kabupaten, Pemerintah "
    "Daerah, Dinas Perikanan, Dinas PMD), (3) Pasar rakyat atau pasar murah : (Dinas PMD, "
    "Pemda), (4) Pembangunan sarana jalan : (CSR), (5) Giat Jum’at bersih & penanaman pohon : "
    "(Pemerintah Desa, TNI/POLRI, Dinas Lingkungan Hidup), (6) Pengembangan kegiatan kepemudaan "
    "dan budaya : (Dinas Kepemudaan dan Olah raga, (7) Kewirausahawan dan pemasaran produk lokal "
    ": (Dinas tenaga Kerja , Dinas Koperasi, & UMKM serta Dinas Perindustrian & Perdagangan), (8) "
    "Tersedianya akses jaringan seluler bersama : (Dinas Komunikasi dan Informatika), (8) Program "
    "sanitasi/keberhasilan lingkungan, perumahan layak huni : (Dinas perumahan dan Pemukiman), "
    "(9) Launching& program DASHAT (Dapur Sehat Atasi Stunting) : (Pengurus DASHAT, OPD KB, Dinas "
    "Kesehatan), (9) Pelatihan & program kader TPK (Tim Pendamping Keluarga) : (OPD KB), (10) "
    "Pelaksanaan BIAN (Bulan Imunisasi Anak Nasional) & SUB PIN (Pekan Imunisasi Nasional) Polio "
    ": (Dinas Kesehatan), (11) Mempersiapkan lansia tangguh : (Dinas Sosial), (12) Pelatihan "
    "fardhu kifayah/bilal jenazah : (Kementrian Agama), (13) Peningkatan kapasitas "
    "penyelenggaraan PAUD HI : (Dinas Pendidikan)(14) Pemberian Program Keluarga Harapan (PKH) : "
    "(Dinas PMD, pemerintah desa).",
    "Sebagai Kampung KB yang berkomitmen untuk terus memperbaiki diri maka telah dicanangkan 6 "
    "inovasi unggulan Kampung KB Desa Pondok Batu. 3 dari 6 inovasi unggulan Kampung KB Desa "
    "Pondok Batu adalah inisiatif dari masyarakat. Adapun 3 inovasi tersebut Adalah Himpunan "
    "Sepuluh Ribu Perbulan yang di iniasiasi oleh Kelompok HSP(Himpunan Sepuluh Ribu Perbulan) "
    "yang diketuai oleh Bapak Aan Syahputra (082288548662), Berikutnya Dapur Dhuafa merupakan "
    "inisiasi dari Yayasan Masjid Nurul Iman Aek Nabara yang diketuai Ust. Bukhori Fasha "
    "(082182472274) dan PB. Mandala yang merupakan inisiasi dari Bapak Sucianto Ongga "
    "(08126321211).",
]

# Local OPD names of Kabupaten Labuhanbatu → the official agency they match.
OPD_LOKAL = {
    "Dinas Perikanan": "Dinas Kelautan dan Perikanan",
    "Dinas Lingkungan Hidup": "Dinas Kehutanan dan Lingkungan Hidup",
    "Dinas Koperasi dan UMKM": "Dinas Koperasi",
    "Dinas Perumahan dan Permukiman": "Dinas Pekerjaan Umum dan Perumahan Rakyat",
    "Dinas Pengendalian Penduduk dan Keluarga Berencana": "OPD Pengendalian Penduduk dan KB",
}
OPD_KB = "Dinas Pengendalian Penduduk dan Keluarga Berencana"

# The 16 interventions in the document's order (its numbering repeats 8 and 9):
# (judul, agencies as written, instansi, instansi lainnya, seksi, sasaran, poktan, inpres, pemilik)
INTERVENSI = [
    ("Pelatihan budidaya ikan lele", "Dinas Perikanan, Pemerintah Daerah/Desa",
     ["Dinas Perikanan", "Pemerintahan Daerah", "Pemerintahan Desa/Lurah"], "",
     "Ekonomi", ["Seluruh Penduduk"], [],
     "Fasilitasi dan pembinaan pengembangan usaha nelayan", None),
    ("Budikdamber yaitu Budidaya Ikan Dalam Ember",
     "OPD Kabupaten, Pemerintah Daerah, Dinas Perikanan, Dinas PMD",
     ["Pemerintahan Daerah", "Dinas Perikanan", "Dinas Pemberdayaan dan Masyarakat Desa"],
     "OPD Kabupaten", "Ekonomi", ["Seluruh Penduduk"], [],
     "Fasilitasi dan pembinaan pengembangan usaha nelayan", None),
    ("Pasar rakyat atau pasar murah", "Dinas PMD, Pemda",
     ["Dinas Pemberdayaan dan Masyarakat Desa", "Pemerintahan Daerah"], "",
     "Ekonomi", ["Seluruh Penduduk"], [], None, None),
    ("Pembangunan sarana jalan", "CSR", ["Swasta/Perusahaan"], "",
     "Pembinaan Lingkungan", ["Seluruh Penduduk"], [], None, None),
    ("Giat Jum’at bersih & penanaman pohon", "Pemerintah Desa, TNI/POLRI, Dinas Lingkungan Hidup",
     ["Pemerintahan Desa/Lurah", "TNI – POLRI", "Dinas Lingkungan Hidup"], "",
     "Pembinaan Lingkungan", ["Seluruh Penduduk"], [], None, None),
    ("Pengembangan kegiatan kepemudaan dan budaya", "Dinas Kepemudaan dan Olah raga",
     ["Dinas Pemuda dan Olahraga"], "", "Sosial Budaya", ["Remaja"], ["PIK R"], None, None),
    ("Kewirausahawan dan pemasaran produk lokal",
     "Dinas tenaga Kerja, Dinas Koperasi, & UMKM serta Dinas Perindustrian & Perdagangan",
     ["Dinas Ketenagakerjaan", "Dinas Koperasi dan UMKM", "Dinas Perindustrian",
      "Dinas Perdagangan"], "", "Ekonomi", ["Seluruh Penduduk"], ["UPPKA"], None, None),
    ("Tersedianya akses jaringan seluler bersama", "Dinas Komunikasi dan Informatika",
     ["Dinas Kominfo"], "", "Lainnya", ["Seluruh Penduduk"], [], None, None),
    ("Program sanitasi/keberhasilan lingkungan, perumahan layak huni",
     "Dinas perumahan dan Pemukiman", ["Dinas Perumahan dan Permukiman"], "",
     "Pembinaan Lingkungan", ["Seluruh Penduduk"], [],
     "Penyediaan Akses Perumahan dan Infrastruktur Permukiman Yang Layak, Aman dan "
     "Terjangkau", None),
    ("Launching & program DASHAT (Dapur Sehat Atasi Stunting)",
     "Pengurus DASHAT, OPD KB, Dinas Kesehatan", [OPD_KB, "Dinas Kesehatan"], "Pengurus DASHAT",
     "Reproduksi", ["Keluarga yang memiliki Balita"], ["BKB"],
     "Dapur Sehat Atasi Stunting (DASHAT)", None),
    ("Pelatihan & program kader TPK (Tim Pendamping Keluarga)", "OPD KB", [OPD_KB], "",
     "Reproduksi", ["PUS", "Keluarga yang memiliki Balita"], [], None, None),
    ("Pelaksanaan BIAN (Bulan Imunisasi Anak Nasional) & SUB PIN (Pekan Imunisasi Nasional) "
     "Polio", "Dinas Kesehatan", ["Dinas Kesehatan"], "", "Reproduksi", ["Balita"], ["BKB"],
     None, "Dinas Kesehatan"),
    ("Mempersiapkan lansia tangguh", "Dinas Sosial", ["Dinas Sosial"], "", "Perlindungan",
     ["Lansia", "Keluarga yang memiliki Lansia"], ["BKL"], "Bina Keluarga Lansia (BKL)", None),
    ("Pelatihan fardhu kifayah/bilal jenazah", "Kementrian Agama", ["Kanwil Kementrian Agama"],
     "", "Keagamaan", ["Seluruh Penduduk"], [], None, None),
    ("Peningkatan kapasitas penyelenggaraan PAUD HI", "Dinas Pendidikan", ["Dinas Pendidikan"],
     "", "Pendidikan", ["Balita", "Keluarga yang memiliki Balita"], ["BKB"],
     "Pendidikan Anak Usia Dini (PAUD)", None),
    ("Pemberian Program Keluarga Harapan (PKH)", "Dinas PMD, pemerintah desa",
     ["Dinas Pemberdayaan dan Masyarakat Desa", "Pemerintahan Desa/Lurah"], "", "Perlindungan",
     ["Seluruh Penduduk"], [],
     "Pemberian Program Keluarga Harapan kepada PUS dengan status miskin dan penyandang "
     "masalah kesejahteraan sosial", None),
]  # fmt: skip

# The 3 of 6 flagship innovations the document names (community initiatives).
UNGGULAN = [
    ("Himpunan Sepuluh Ribu Perbulan", "HSP",
     "Kelompok HSP (Himpunan Sepuluh Ribu Perbulan)", "Bapak Aan Syahputra", "082288548662"),
    ("Dapur Dhuafa", "", "Yayasan Masjid Nurul Iman Aek Nabara", "Ust. Bukhori Fasha",
     "082182472274"),
    ("PB. Mandala", "", "Bapak Sucianto Ongga", "Bapak Sucianto Ongga", "08126321211"),
]  # fmt: skip
