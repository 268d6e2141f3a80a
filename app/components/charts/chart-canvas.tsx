import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js'
import { Chart as ReactChart } from 'react-chartjs-2'

// Chart.js itself, apart from the chart's frame (chart.tsx): the frame imports this module lazily, so
// that Chart.js (about 70 kB gzip) is downloaded after the page has shown, not with its first load.

ChartJS.register(
  BarController,
  BarElement,
  CategoryScale,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
)

export default function ChartCanvas({
  kind,
  data,
  options,
  title,
}: {
  kind: 'line' | 'bar'
  data: ChartData
  options: ChartOptions
  title: string
}) {
  return (
    <ReactChart type={kind} data={data} options={options} role="img" aria-label={title}>
      {title}
    </ReactChart>
  )
}
